#!/usr/bin/env node
/**
 * Writes docs/openapi.json, the reviewed API reference that the dashboard's wire types are generated from.
 * It is the document the built API serves at /api/docs-json, asked for without opening a port, from an app
 * on an in-memory SQLite database (the document does not depend on the database). Run after a build
 * (`npm run openapi` builds first); test/openapi-document.e2e-spec.ts fails until the file is rewritten.
 *
 * Usage: node scripts/write-openapi.js [build directory, default dist]
 */
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = join(__dirname, '..');
const build = resolve(root, process.argv[2] || 'dist');
const { createApp } = require(join(build, 'apps/api/src/app.factory'));
const { loadConfig } = require(join(build, 'apps/api/src/config/app-config'));

async function main() {
  // An explicit environment: a DATABASE_URL or PORT in the caller's shell must not matter here. Errors are
  // logged because Nest ends the process itself when the app cannot boot.
  const config = loadConfig({ SQLITE_PATH: ':memory:', LOG_LEVEL: 'error', SCHEDULER: 'off', RATE_LIMIT_PER_MINUTE: '0' });
  const app = await createApp(config);
  try {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
    if (response.statusCode !== 200) throw new Error(`/api/docs-json answered ${response.statusCode}`);
    const target = join(root, 'docs', 'openapi.json');
    writeFileSync(target, `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`);
    process.stderr.write(`wrote ${target}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
