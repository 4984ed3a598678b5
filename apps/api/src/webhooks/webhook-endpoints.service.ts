import { Injectable } from '@nestjs/common';
import { Pagination } from '@coupons/domain';
import { notFound, Result, success } from '../common/result';
import type { WebhookEndpointEntity } from '../database/entities';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

/** Reading endpoints: one, or a page of them. */
@Injectable()
export class WebhookEndpointsService {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  list(organizationId: number, pagination: Pagination) {
    return this.endpoints.page(organizationId, pagination);
  }

  async find(organizationId: number, lagoId: string): Promise<Result<WebhookEndpointEntity>> {
    const endpoint = await this.endpoints.findByLagoId(organizationId, lagoId);
    return endpoint ? success(endpoint) : notFound('webhook_endpoint_not_found');
  }
}
