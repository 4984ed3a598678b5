import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where = config.database.kind === 'mysql' ? 'MySQL (DATABASE_URL)' : `SQLite ${config.database.path}`;
  new Logger('Bootstrap').log(`coupons listening on http://localhost:${config.port} — API /api/v1, docs /api/docs, on ${where}`);
}

void bootstrap();
