import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { BearerStrategy } from '../http/bearer.strategy';
import { ApiKeysService } from './api-keys.service';

@Module({
  imports: [PassportModule.register({ session: false })],
  providers: [ApiKeysService, BearerStrategy],
  exports: [ApiKeysService],
})
export class OrganizationsModule {}
