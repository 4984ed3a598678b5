import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

/**
 * Building blocks of the OpenAPI response schemas. The dashboard's wire types are generated from the
 * document, so these schemas say exactly what the serializers write: every key, in order, and its nullability.
 */
export type Schema = SchemaObject | ReferenceObject;

/** A `$ref` to a schema registered under `components.schemas` (the document test checks that each one resolves). */
export const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** A JSON object whose keys are always present (unless listed as optional), in the order the serializer writes them. */
export function objectSchema(properties: Record<string, Schema>, optional: readonly string[] = []): SchemaObject {
  return {
    type: 'object',
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  };
}

export const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
export const arrayOf = (items: Schema): SchemaObject => ({ type: 'array', items });
export const enumOf = (values: readonly string[]): SchemaObject => ({ type: 'string', enum: [...values] });

export const STRING: SchemaObject = { type: 'string' };
export const INTEGER: SchemaObject = { type: 'integer' };
export const BOOLEAN: SchemaObject = { type: 'boolean' };
export const UUID: SchemaObject = { type: 'string', format: 'uuid' };
/** ISO 8601 in UTC with a `Z` and no fraction, as `formatDateTime` writes it. */
export const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time', example: '2026-11-24T00:00:00Z' };
export const CURRENCY: SchemaObject = { type: 'string', description: 'ISO 4217 code', example: 'EUR' };
/** Amounts in the currency's minor units (cents for EUR, yen for JPY). */
export const MINOR_UNITS: SchemaObject = { type: 'integer', description: 'Minor units of the currency' };

/** Shared by every endpoint: the error body and the pagination `meta` of list answers. */
export const commonSchemas = {
  ErrorBody: objectSchema(
    {
      status: { type: 'integer', example: 404 },
      error: { type: 'string', example: 'Not Found' },
      code: { type: 'string', example: 'coupon_not_found', description: 'Machine-readable reason (404, 405, 422)' },
      error_details: {
        type: 'object',
        description: 'Field → error keys, on 422 `validation_errors`',
        additionalProperties: arrayOf(STRING),
        example: { code: ['value_already_exist'] },
      },
    },
    ['code', 'error_details'],
  ),
  PaginationMeta: objectSchema({
    current_page: INTEGER,
    next_page: nullable(INTEGER),
    prev_page: nullable(INTEGER),
    total_pages: INTEGER,
    total_count: INTEGER,
  }),
};

export const errorBody = ref('ErrorBody');
export const paginationMeta = ref('PaginationMeta');
