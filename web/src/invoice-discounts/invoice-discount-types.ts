/** The discount engine's wire shapes, from the generated OpenAPI types. */
import type { components } from '../api/openapi';

export type InvoiceDiscount = components['schemas']['InvoiceDiscount'];
export type InvoiceDiscountResponse = components['schemas']['InvoiceDiscountResponse'];
