import { Inject, Injectable } from '@nestjs/common';
import { addError, hasErrors } from '@coupons/domain';
import { invalid, notFound, Result, success } from '../common/result';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { WebhookEndpointEntity } from '../database/entities';
import type { Organization } from '../organizations/organization';
import { parseWebhookEndpointAttributes, pointsAtForbiddenAddress } from './webhook-endpoint-input';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

/**
 * PUT /webhook_endpoints/:lago_id: sets the fields given (`url`, `event_types`, `description`, `status`).
 * Enabling an endpoint again starts its count of failing days afresh.
 */
@Injectable()
export class UpdateWebhookEndpointService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async call(organization: Organization, lagoId: string, input: Record<string, unknown>): Promise<Result<WebhookEndpointEntity>> {
    const endpoint = await this.endpoints.findByLagoId(organization.id, lagoId);
    if (!endpoint) return notFound('webhook_endpoint_not_found');
    const { attributes, errors } = parseWebhookEndpointAttributes(input, []);
    if (attributes.url && !this.config.webhooks.allowPrivateUrls && (await pointsAtForbiddenAddress(attributes.url))) {
      addError(errors, 'url', 'value_is_invalid');
    }
    if (hasErrors(errors)) return invalid(errors);
    if (attributes.url !== undefined) endpoint.url = attributes.url;
    if (attributes.eventTypes !== undefined) endpoint.eventTypes = attributes.eventTypes;
    if (attributes.description !== undefined) endpoint.description = attributes.description;
    if (attributes.status !== undefined) {
      if (attributes.status === 'enabled' && endpoint.status === 'disabled') endpoint.failingSince = null;
      endpoint.status = attributes.status;
    }
    await this.endpoints.save(endpoint);
    return success(endpoint);
  }
}
