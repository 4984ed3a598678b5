'use strict';
/** The floor's one mysql2 pool, sized as the API's, shared by auth and every handler. */
const mysql = require('mysql2/promise');

const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 20, // as the API's TypeORM pool
  timezone: 'Z',
  supportBigNumbers: true,
  bigNumberStrings: false,
  charset: 'utf8mb4_unicode_ci',
  enableKeepAlive: true,
  multipleStatements: true, // a create's transaction goes in one round trip, as the API's does
});

module.exports = { pool };
