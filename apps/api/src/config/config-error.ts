/** A setting that cannot be used: entry points print its message and stop. */
export class ConfigError extends Error {}

/** For entry points (server, CLI, TypeORM's CLI): a bad environment ends the process with a one-line message. */
export function loadOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}
