import { formatDateTime } from '@coupons/domain';
import type { ApiKeyRecord } from './api-keys.repository';

/** A key's wire shape; `value` (the key itself) only in the answer that created it. */
export function serializeApiKey(key: ApiKeyRecord, value: string | null = null) {
  return {
    lago_id: key.publicId,
    name: key.name,
    created_at: formatDateTime(key.createdAt),
    revoked_at: formatDateTime(key.revokedAt),
    ...(value === null ? {} : { value }),
  };
}
