import type { INestApplication } from '@nestjs/common';
import { setupFlexpriceDocs } from './flexprice/flexprice.openapi';
import { setupHyperlineDocs } from './hyperline/hyperline.openapi';
import { setupStripeDocs } from './stripe/stripe.openapi';

/** Each dialect's own OpenAPI document and UI, linked from the main document's description. */
export const DIALECT_DOCS = [
  { name: 'Stripe', path: '/stripe/docs' },
  { name: 'Flexprice', path: '/flexprice/docs' },
  { name: 'Hyperline', path: '/hyperline/docs' },
] as const;

export function setupDialectDocs(app: INestApplication): void {
  setupStripeDocs(app);
  setupFlexpriceDocs(app);
  setupHyperlineDocs(app);
}
