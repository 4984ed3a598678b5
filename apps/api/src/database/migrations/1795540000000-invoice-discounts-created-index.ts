import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One organization's invoice discounts by creation time: the overview's discount totals per day read a date
 * range of this index instead of every discount the organization ever committed.
 */
export class InvoiceDiscountsCreatedIndex1795540000000 implements MigrationInterface {
  name = 'InvoiceDiscountsCreatedIndex1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_invoice_discounts_org_created` ON `invoice_discounts` (`organization_id`, `created_at`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_invoice_discounts_org_created` ON `invoice_discounts`');
  }
}
