import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { Organization } from '../organizations/organization';
import type { CreatedWebhookEndpoint } from './create-webhook-endpoint.service';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { newWebhookSecret, PREVIOUS_SECRET_GRACE_MS } from './webhook-secrets';

/**
 * POST /webhook_endpoints/:lago_id/rotate_secret: issues a new secret (shown in this answer only). The
 * current one keeps signing beside it for 24 hours; a secret rotated out earlier stops at once.
 */
@Injectable()
export class RotateWebhookEndpointSecretService {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async call(organization: Organization, lagoId: string, now = new Date()): Promise<Result<CreatedWebhookEndpoint>> {
    const endpoint = await this.endpoints.findByLagoId(organization.id, lagoId);
    if (!endpoint) return notFound('webhook_endpoint_not_found');
    const secret = newWebhookSecret();
    endpoint.previousSecret = endpoint.secret;
    endpoint.previousSecretExpiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
    endpoint.secret = secret;
    await this.endpoints.save(endpoint);
    return success({ endpoint, secret });
  }
}
