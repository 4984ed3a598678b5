import { OPERATOR_LIMITS } from '@coupons/domain';
import { arrayOf, DATE_TIME, nullable, objectSchema, ref, STRING } from '../http/common.openapi';

/** Request schema of POST /api/v1/api_keys. */
export const apiKeyCreateSchema = objectSchema({
  api_key: objectSchema({ name: { type: 'string', nullable: true, maxLength: OPERATOR_LIMITS.nameMaxLength } }, ['name']),
});

const apiKey = objectSchema(
  {
    lago_id: { type: 'string', description: "The key's public id, the part after `cpn_`", example: 'Ab3dEf6hIj9kLm2n' },
    name: nullable(STRING),
    created_at: DATE_TIME,
    revoked_at: nullable(DATE_TIME),
    value: { type: 'string', description: 'The key itself (`cpn_…`); in the answer to create only', example: 'cpn_Ab3dEf6hIj9kLm2n_…' },
  },
  ['value'],
);

/** Named schemas of API keys (`components.schemas`). */
export const apiKeySchemas = {
  ApiKey: apiKey,
  ApiKeyResponse: objectSchema({ api_key: ref('ApiKey') }),
  ApiKeyListResponse: objectSchema({ api_keys: arrayOf(ref('ApiKey')) }),
};

export const apiKeyResponse = ref('ApiKeyResponse');
export const apiKeyListResponse = ref('ApiKeyListResponse');
