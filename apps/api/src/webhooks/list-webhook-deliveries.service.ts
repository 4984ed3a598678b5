import { Injectable } from '@nestjs/common';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { invalidField, notFound, Result, success } from '../common/result';
import type { WebhookDeliveryEntity } from '../database/entities';
import type { WebhookDeliveryStatus } from '../database/entities/webhook-delivery.entity';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

const DELIVERY_STATUSES: readonly unknown[] = ['pending', 'succeeded', 'failed'] satisfies WebhookDeliveryStatus[];

/** GET /webhook_endpoints/:lago_id/deliveries: the endpoint's attempts, newest first, optionally of one status. */
@Injectable()
export class ListWebhookDeliveriesService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  async call(
    organizationId: number,
    lagoId: string,
    status: unknown,
    pagination: Pagination,
  ): Promise<Result<{ rows: WebhookDeliveryEntity[]; meta: PaginationMeta }>> {
    if (status !== undefined && !DELIVERY_STATUSES.includes(status)) return invalidField('status', 'value_is_invalid');
    const endpoint = await this.endpoints.findByLagoId(organizationId, lagoId);
    if (!endpoint) return notFound('webhook_endpoint_not_found');
    return success(await this.deliveries.page(endpoint.id, (status as WebhookDeliveryStatus | undefined) ?? null, pagination));
  }
}
