import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ref } from '../../http/common.openapi';
import { hyperlineSchemas } from './hyperline-coupon.openapi';
import { HyperlineModule } from './hyperline.module';

/** Hyperline's own OpenAPI document: its routes only, with its schemas and its error body. */
export function createHyperlineDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('coupons — Hyperline dialect')
    .setDescription("Hyperline's coupon endpoints over the same coupons as every other dialect")
    .setVersion('1')
    .addBearerAuth()
    .addGlobalResponse({ status: 'default', description: 'Error', schema: ref('HyperlineError') })
    .build();
  config.components = { ...config.components, schemas: hyperlineSchemas };
  return SwaggerModule.createDocument(app, config, { include: [HyperlineModule] });
}

/** Serves it at /hyperline/docs (JSON at /hyperline/docs-json). */
export function setupHyperlineDocs(app: INestApplication): void {
  SwaggerModule.setup('hyperline/docs', app, createHyperlineDocument(app), { jsonDocumentUrl: 'hyperline/docs-json' });
}
