#!/usr/bin/env node
/**
 * `npm start` and `npm test` build first when the sources are newer than the last build,
 * so a fresh clone needs only `npm ci` before either.
 */
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const sources = ['apps', 'libs/coupons/src', 'web/src', 'web/index.html', 'web/vite.config.ts', 'ormconfig.ts', 'package-lock.json'];
const outputs = ['dist/apps/api/src/main.js', 'dist/apps/cli/src/main.js', 'libs/coupons/dist/index.js', 'web/dist/index.html'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs);
}

const built = existsSync(stamp) && outputs.every((output) => existsSync(join(root, output)));
const sourcesChanged = !built || sources.some((source) => newestMtime(join(root, source)) > statSync(stamp).mtimeMs);
if (sourcesChanged) {
  process.stderr.write('Building (sources changed since the last build)...\n');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
