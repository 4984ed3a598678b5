'use strict';
/**
 * Number formatting and the progress log, shared by the scenario runs and the report (its own module so
 * that the two need not require each other).
 */

const fmt = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));
const mb = (bytes) => fmt(bytes / 1024 / 1024, 0);
const log = (line) => process.stderr.write(`${line}\n`);

module.exports = { fmt, mb, log };
