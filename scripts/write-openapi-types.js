#!/usr/bin/env node
/**
 * Generates web/src/api/openapi.d.ts (not committed) from docs/openapi.json with openapi-typescript: the
 * dashboard's wire types, so a field the API renames breaks the dashboard's type check. Needs no API
 * build. The file is rewritten only when its content changes, so that `scripts/ensure-built.js` does not
 * see web/src as newer than the last build after every type check.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { default: openapiTS, astToString, COMMENT_HEADER } = require('openapi-typescript');

const root = join(__dirname, '..');
const source = join(root, 'docs', 'openapi.json');
const target = join(root, 'web', 'src', 'api', 'openapi.d.ts');

async function main() {
  const ast = await openapiTS(JSON.parse(readFileSync(source, 'utf8')));
  const text = `${COMMENT_HEADER}${astToString(ast)}`;
  if (existsSync(target) && readFileSync(target, 'utf8') === text) return;
  writeFileSync(target, text);
  process.stderr.write(`wrote ${target}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
