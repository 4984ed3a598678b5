'use strict';
/**
 * The floor of batch generation: `count` random codes of a batch's shape (prefix + random symbols of the
 * unambiguous alphabet, a UUID, the batch's terms) inserted through mysql2 multi-row INSERT IGNOREs of
 * 1 000 rows into a copy of `promotion_codes` (same columns, same unique indexes), the ones a duplicate
 * key skipped drawn again, until `count` rows exist. No framework, no ORM, no transaction, no progress.
 *
 *   node bench/floor/promotion-code-batch.js <count> [prefix] [length]      (DATABASE_URL names the database)
 *
 * Prints `{"count":…, "seconds":…}` on stdout.
 */
const { randomUUID, randomFillSync } = require('node:crypto');
const mysql = require('mysql2/promise');

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const UNBIASED_BYTE_LIMIT = Math.floor(256 / ALPHABET.length) * ALPHABET.length;
const ROWS_PER_INSERT = 1000;
const TABLE = 'floor_promotion_codes';

/** CSPRNG bytes drawn 64 KiB at a time, each used once. */
const pool = new Uint8Array(65536);
let next = pool.length;
function randomByte() {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++];
}

function randomSymbols(length) {
  let symbols = '';
  while (symbols.length < length) {
    const byte = randomByte();
    if (byte < UNBIASED_BYTE_LIMIT) symbols += ALPHABET[byte % ALPHABET.length];
  }
  return symbols;
}

async function main() {
  const [count, prefix = 'BENCH-', length = 10] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] || 10)];
  if (!Number.isInteger(count) || count < 1) throw new Error('usage: promotion-code-batch.js <count> [prefix] [length]');
  const connection = await mysql.createConnection({ uri: process.env.DATABASE_URL, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  await connection.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await connection.query(`CREATE TABLE ${TABLE} LIKE promotion_codes`);
  const columns = 'lago_id, organization_id, coupon_id, code, code_key, active, max_redemptions, redemptions_count, expires_at, ' +
    'metadata, batch_id, created_at, customer_external_id, first_time_transaction, minimum_amount_cents, minimum_amount_currency';
  const started = process.hrtime.bigint();
  let inserted = 0;
  while (inserted < count) {
    const rows = [];
    const createdAt = new Date();
    for (let i = 0; i < Math.min(ROWS_PER_INSERT, count - inserted); i++) {
      const code = prefix + randomSymbols(length);
      rows.push([randomUUID(), 1, 1, code, code.toUpperCase(), 1, 1, 0, null, '{}', 1, createdAt, null, 0, null, null]);
    }
    const [result] = await connection.query(`INSERT IGNORE INTO ${TABLE} (${columns}) VALUES ?`, [rows]);
    inserted += result.affectedRows;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await connection.query(`DROP TABLE ${TABLE}`);
  await connection.end();
  process.stdout.write(`${JSON.stringify({ count: inserted, seconds })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
