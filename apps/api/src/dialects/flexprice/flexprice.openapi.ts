import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { flexpriceErrorSchema } from './flexprice-coupon.openapi';
import { FlexpriceModule } from './flexprice.module';

/** The Flexprice dialect's own document: its routes only, with its key header and its error body. */
export function createFlexpriceDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('coupons: Flexprice dialect')
    .setDescription("Flexprice's coupon API over the same coupons as every other dialect; `id` is the coupon's `lago_id`")
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'x-api-key')
    .addGlobalResponse({ status: 'default', description: 'Error', schema: flexpriceErrorSchema })
    .build();
  return SwaggerModule.createDocument(app, config, { include: [FlexpriceModule] });
}

/** Served at /flexprice/docs (JSON at /flexprice/docs-json). */
export function setupFlexpriceDocs(app: INestApplication): void {
  SwaggerModule.setup('flexprice/docs', app, createFlexpriceDocument(app), { jsonDocumentUrl: 'flexprice/docs-json' });
}
