import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { StripeModule } from './stripe.module';

/**
 * The Stripe dialect's own OpenAPI document, at /stripe/docs (JSON at /stripe/docs-json): the routes
 * stripe-node calls, their form parameters and Stripe's objects.
 */
export function setupStripeDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('coupons — Stripe dialect')
    .setDescription(
      "Stripe's coupons and promotion codes API over the same coupons as the Lago API: point stripe-node at this service " +
        "(`new Stripe(key, {host, port, protocol})`) with one of our API keys. Errors come as Stripe's `{error: {type, code, message, param}}`.",
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [StripeModule] });
  SwaggerModule.setup('stripe/docs', app, document, { jsonDocumentUrl: 'stripe/docs-json' });
}
