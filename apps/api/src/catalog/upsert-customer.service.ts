import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkIdentifier, FieldErrors, hasErrors, LIMITS, parseCurrency, parseText, settleField } from '@coupons/domain';
import { invalid, Result, success } from '../common/result';
import { CustomerEntity } from '../database/entities';
import type { JsonObject } from '../http/root-object';
import { CustomersRepository } from './customers.repository';

/** POST /customers creates or updates by external_id, as Lago does (clients re-send customers). */
@Injectable()
export class UpsertCustomerService {
  constructor(private readonly customers: CustomersRepository) {}

  async call(organizationId: number, input: JsonObject): Promise<Result<CustomerEntity>> {
    const errors: FieldErrors = {};
    const externalId = checkIdentifier(input.external_id, 'external_id', errors);
    const name = settleField(errors, 'name', parseText(input.name, LIMITS.nameMaxLength, false), false);
    const currency = settleField(errors, 'currency', parseCurrency(input.currency), false);
    if (hasErrors(errors)) return invalid(errors);

    // Two creates can race: the loser of the insert finds the winner's row and updates it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.customers.findByExternalId(organizationId, externalId!);
      if (existing) {
        if ('name' in input) existing.name = name;
        if ('currency' in input) existing.currency = currency;
        await this.customers.update(existing);
        return success(existing);
      }
      const customer = Object.assign(new CustomerEntity(), {
        lagoId: randomUUID(),
        organizationId,
        externalId: externalId!,
        name,
        currency,
        createdAt: new Date(),
      });
      if (await this.customers.insertUnlessTaken(customer)) return success(customer);
    }
    throw new Error('customer upsert did not settle');
  }
}
