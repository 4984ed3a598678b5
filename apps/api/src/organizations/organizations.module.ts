import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { BearerStrategy } from '../http/bearer.strategy';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyService } from './create-api-key.service';
import { OrganizationsRepository } from './organizations.repository';
import { RevokeApiKeyService } from './revoke-api-key.service';

@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository, OrganizationsRepository, ApiKeysService, CreateApiKeyService, RevokeApiKeyService, BearerStrategy],
  exports: [ApiKeysService, OrganizationsRepository],
})
export class OrganizationsModule {}
