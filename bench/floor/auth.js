'use strict';
/** Bearer API key → organization: one indexed lookup by public id, then an HMAC compare of the secret. */
const { createHmac, timingSafeEqual } = require('node:crypto');
const { pool } = require('./db');

const KEY_PATTERN = /^cpn_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

async function authenticate(req) {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
  const match = KEY_PATTERN.exec(header.slice(7).trim());
  if (!match) return null;
  const [, publicId, secret] = match;
  const [rows] = await pool.execute(
    'SELECT k.salt, k.secret_hash, o.id AS organization_id, o.name FROM api_keys k ' +
      'JOIN organizations o ON o.id = k.organization_id WHERE k.public_id = ? AND k.revoked_at IS NULL',
    [publicId],
  );
  const row = rows[0];
  if (!row) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  const actual = createHmac('sha256', row.salt).update(secret).digest();
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { id: Number(row.organization_id), name: row.name, keyId: publicId };
}

module.exports = { authenticate };
