import { ValueTransformer } from 'typeorm';

/** BIGINT and DECIMAL come back from mysql2 as strings; the domain works with numbers. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** Same DDL on both engines: DATETIME(3) on MySQL, an ISO text on SQLite, always UTC. */
export const dateTimeColumn = { type: 'datetime' as const, precision: 3 };
