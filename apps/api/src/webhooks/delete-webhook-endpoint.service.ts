import { Injectable } from '@nestjs/common';
import { notFound, Result, success } from '../common/result';
import type { WebhookEndpointEntity } from '../database/entities';
import { TransactionRunner } from '../database/transactions';
import type { Organization } from '../organizations/organization';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

/** DELETE /webhook_endpoints/:lago_id: the endpoint, its pending attempts and its delivery log. */
@Injectable()
export class DeleteWebhookEndpointService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async call(organization: Organization, lagoId: string): Promise<Result<WebhookEndpointEntity>> {
    const endpoint = await this.endpoints.findByLagoId(organization.id, lagoId);
    if (!endpoint) return notFound('webhook_endpoint_not_found');
    await this.transactions.run((tx) => this.endpoints.delete(endpoint.id, tx));
    return success(endpoint);
  }
}
