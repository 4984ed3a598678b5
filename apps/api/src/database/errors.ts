/** A unique index refused the write: two requests raced for the same code or key. */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  const errno = candidate?.driverError?.errno ?? candidate?.errno;
  return code === 'ER_DUP_ENTRY' || errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Lock conflicts worth retrying the whole transaction for, rather than failing the request. */
export function isRetryableLockError(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}
