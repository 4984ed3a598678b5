import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pagination, PaginationMeta } from '@coupons/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from '../database/entities';
import type { Transaction } from '../database/transactions';
import { newestFirstPage } from '../database/newest-first-page';

/** Every statement on `webhook_endpoints`. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private endpoints(tx?: Transaction) {
    return (tx ?? this.dataSource).getRepository(WebhookEndpointEntity);
  }

  build(fields: Omit<WebhookEndpointEntity, 'id'>): WebhookEndpointEntity {
    return this.endpoints().create(fields);
  }

  /** Sets the new id on the entity. */
  async insert(endpoint: WebhookEndpointEntity): Promise<void> {
    const result = await this.endpoints().insert(endpoint);
    endpoint.id = Number(result.identifiers[0].id);
  }

  findByLagoId(organizationId: number, lagoId: string): Promise<WebhookEndpointEntity | null> {
    return this.endpoints().findOneBy({ organizationId, lagoId });
  }

  findByIds(ids: number[]): Promise<WebhookEndpointEntity[]> {
    return ids.length ? this.endpoints().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  page(organizationId: number, pagination: Pagination): Promise<{ rows: WebhookEndpointEntity[]; meta: PaginationMeta }> {
    return newestFirstPage(this.endpoints(), organizationId, pagination);
  }

  /** The enabled endpoints of these organizations: the receivers of their new events. */
  enabledOf(organizationIds: number[], tx: Transaction): Promise<WebhookEndpointEntity[]> {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return this.endpoints(tx).findBy({ organizationId: In(organizationIds), status: 'enabled' });
  }

  async save(endpoint: WebhookEndpointEntity): Promise<void> {
    const { id, ...fields } = endpoint;
    await this.endpoints().update({ id }, fields);
  }

  /** The endpoint and its delivery log go together. */
  async delete(endpointId: number, tx: Transaction): Promise<void> {
    await tx.getRepository(WebhookDeliveryEntity).delete({ endpointId });
    await this.endpoints(tx).delete({ id: endpointId });
  }

  /** Starts the endpoint's run of failures unless one is under way; answers when the run began. */
  async markFailing(endpointId: number, now: Date, tx: Transaction): Promise<Date | null> {
    await this.endpoints(tx).update({ id: endpointId, failingSince: IsNull() }, { failingSince: now });
    return (await this.endpoints(tx).findOne({ where: { id: endpointId }, select: { id: true, failingSince: true } }))?.failingSince ?? null;
  }

  async clearFailing(endpointIds: number[], tx: Transaction): Promise<void> {
    if (endpointIds.length) await this.endpoints(tx).update({ id: In(endpointIds) }, { failingSince: null });
  }

  /** False when it was already disabled (another worker got there first), so that it is disabled once. */
  async disable(endpointId: number, tx: Transaction): Promise<boolean> {
    const result = await this.endpoints(tx).update({ id: endpointId, status: 'enabled' }, { status: 'disabled', failingSince: null });
    return Boolean(result.affected);
  }
}
