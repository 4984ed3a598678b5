import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { analyticsSchemas } from '../analytics/analytics.openapi';
import { appliedCouponSchemas } from '../applied-coupons/applied-coupon.openapi';
import { catalogSchemas } from '../catalog/catalog.openapi';
import { couponSchemas } from '../coupons/coupon.openapi';
import { eventSchemas } from '../events/event.openapi';
import { invoiceDiscountSchemas } from '../invoice-discounts/invoice-discount.openapi';
import { apiKeySchemas } from '../organizations/api-keys.openapi';
import { promotionCodeBatchSchemas } from '../promotion-code-batches/promotion-code-batch.openapi';
import { promotionCodeSchemas } from '../promotion-codes/promotion-code.openapi';
import { userSchemas } from '../users/users.openapi';
import { webhookSchemas } from '../webhooks/webhook.openapi';
import { DIALECT_DOCS } from '../dialects/dialect-docs';
import { dialectFor } from '../dialects/dialects';
import { commonSchemas, errorBody } from './common.openapi';

/**
 * The OpenAPI document served at /api/docs-json. It is committed as docs/openapi.json (a test keeps the two
 * equal) and the dashboard's wire types are generated from it.
 */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('coupons')
    .setDescription(
      'Lago-compatible coupons API, with redemption limits and a discount engine. The same coupons in other ' +
        `dialects: ${DIALECT_DOCS.map((dialect) => `[${dialect.name}](${dialect.path})`).join(', ')}.`,
    )
    .setVersion('1')
    .addBearerAuth()
    // Every failure, whatever its status, has the same body.
    .addGlobalResponse({ status: 'default', description: 'Error', schema: errorBody })
    .build();
  config.components = {
    ...config.components,
    schemas: {
      ...commonSchemas,
      ...couponSchemas,
      ...appliedCouponSchemas,
      ...invoiceDiscountSchemas,
      ...catalogSchemas,
      ...promotionCodeBatchSchemas,
      ...promotionCodeSchemas,
      ...eventSchemas,
      ...webhookSchemas,
      ...analyticsSchemas,
      ...userSchemas,
      ...apiKeySchemas,
    },
  };
  const document = SwaggerModule.createDocument(app, config);
  // The dialects' routes are described in their own documents, in their own shapes.
  for (const path of Object.keys(document.paths)) if (dialectFor(path)) delete document.paths[path];
  return document;
}
