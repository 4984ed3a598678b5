'use strict';
/**
 * Preloaded (`node -r`) by `bench/run.js --profile`: counts the SQL statements the process sends
 * through mysql2 (text `query` and prepared `execute`), grouped by statement shape, and writes them
 * as JSON to $BENCH_QUERY_COUNT_FILE when the process exits.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = process.env.BENCH_QUERY_COUNT_FILE;
if (file) {
  const BaseConnection = require(join(process.cwd(), 'node_modules/mysql2/lib/base/connection.js'));
  const counts = new Map();
  const shape = (sql) =>
    String(typeof sql === 'object' && sql !== null ? sql.sql : sql)
      .replace(/\s+/g, ' ')
      .replace(/'[^']*'/g, '?')
      .replace(/\b\d+\b/g, 'N')
      .replace(/(\?|N)(, ?(\?|N))+/g, '…')
      .slice(0, 160);
  for (const method of ['query', 'execute']) {
    const original = BaseConnection.prototype[method];
    BaseConnection.prototype[method] = function counted(sql, ...rest) {
      const key = `${method === 'execute' ? 'prepared' : 'text    '} ${shape(sql)}`;
      counts.set(key, (counts.get(key) || 0) + 1);
      return original.call(this, sql, ...rest);
    };
  }
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify([...counts].sort((a, b) => b[1] - a[1]), null, 1));
  });
}
