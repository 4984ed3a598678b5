'use strict';
/**
 * The outbox row every change of the API records in its own transaction (the activity log and webhooks read
 * it): the same INSERT … SELECT the API sends, written as already dispatched when the organization has no
 * enabled webhook endpoint. The floor's writes include it, so that what it measures against is the framework
 * and the ORM, not the cost of a feature the API must have.
 */
const { randomBytes, randomUUID } = require('node:crypto');

const INSERT_EVENT =
  'INSERT INTO events (public_id, organization_id, type, object_id, actor_type, actor_id, actor_name, request_id, data, dispatched, created_at) ' +
  "SELECT ?, ?, ?, ?, 'api_key', ?, NULL, ?, ?, NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE status = 'enabled' AND organization_id = ?), ?";

/** The statement and its parameters for `type` on the object `objectId`, `data` being `{"<root key>": object}`. */
function eventInsert(org, type, objectId, data, now) {
  const publicId = `evt_${now.getTime().toString(16).padStart(12, '0')}${randomBytes(10).toString('hex')}`;
  return {
    sql: INSERT_EVENT,
    params: [publicId, org.id, type, objectId, org.keyId, randomUUID(), JSON.stringify(data), org.id, now],
  };
}

module.exports = { eventInsert };
