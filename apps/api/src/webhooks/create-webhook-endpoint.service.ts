import { Inject, Injectable } from '@nestjs/common';
import { addError, hasErrors } from '@coupons/domain';
import { randomUUID } from 'node:crypto';
import { invalid, Result, success } from '../common/result';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { WebhookEndpointEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';
import { parseWebhookEndpointAttributes, pointsAtForbiddenAddress } from './webhook-endpoint-input';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { newWebhookSecret } from './webhook-secrets';

/** A new endpoint and its secret, which this answer is the only one to show. */
export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointEntity;
  secret: string;
}

/** POST /webhook_endpoints: checks the URL (and where it resolves to), issues a secret, stores the endpoint enabled. */
@Injectable()
export class CreateWebhookEndpointService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async call(organization: Organization, input: Record<string, unknown>): Promise<Result<CreatedWebhookEndpoint>> {
    const { attributes, errors } = parseWebhookEndpointAttributes(input, ['url']);
    if (attributes.url && !this.config.webhooks.allowPrivateUrls && (await pointsAtForbiddenAddress(attributes.url))) {
      addError(errors, 'url', 'value_is_invalid');
    }
    if (hasErrors(errors)) return invalid(errors);
    const secret = newWebhookSecret();
    const endpoint = this.endpoints.build({
      lagoId: randomUUID(),
      organizationId: organization.id,
      url: attributes.url!,
      eventTypes: attributes.eventTypes ?? null,
      description: attributes.description ?? null,
      status: attributes.status ?? 'enabled',
      secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      failingSince: null,
      createdAt: new Date(),
    });
    await this.endpoints.insert(endpoint);
    return success({ endpoint, secret });
  }
}
