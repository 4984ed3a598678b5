import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ObservabilityController } from './observability.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [ObservabilityController],
})
export class ObservabilityModule {}
