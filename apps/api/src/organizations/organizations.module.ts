import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { BearerStrategy } from '../http/bearer.strategy';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { OrganizationsRepository } from './organizations.repository';

@Module({
  imports: [PassportModule.register({ session: false })],
  providers: [ApiKeysRepository, OrganizationsRepository, ApiKeysService, BearerStrategy],
  exports: [ApiKeysService, OrganizationsRepository],
})
export class OrganizationsModule {}
