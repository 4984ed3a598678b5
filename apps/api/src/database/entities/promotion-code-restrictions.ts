import { Column } from 'typeorm';
import { bigintToNumber } from '../column-types';

/**
 * Who may redeem a promotion code, embedded in codes and in batches (a batch's codes copy its restrictions).
 * The customer is kept by external id: that is the customer's identity on the wire and never changes.
 */
export class PromotionCodeRestrictionsColumns {
  @Column({ name: 'customer_external_id', type: 'varchar', length: 255, nullable: true })
  customerExternalId: string | null;

  @Column({ name: 'first_time_transaction', type: 'boolean', default: false })
  firstTimeTransaction: boolean;

  @Column({ name: 'minimum_amount_cents', type: 'bigint', nullable: true, transformer: bigintToNumber })
  minimumAmountCents: number | null;

  @Column({ name: 'minimum_amount_currency', type: 'varchar', length: 3, nullable: true })
  minimumAmountCurrency: string | null;
}
