import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig, loadConfigOrExit } from './config/app-config';

async function serve(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where = config.database.kind === 'mysql' ? 'MySQL (DATABASE_URL)' : `SQLite ${config.database.path}`;
  new Logger('Bootstrap').log(`coupons listening on http://localhost:${config.port} — API /api/v1, docs /api/docs, on ${where}`);
}

/** WORKERS=N forks N processes sharing the port; everything they must agree on lives in the database. */
function startWorkers(count: number): void {
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (code !== 0) {
      new Logger('Cluster').error(`worker ${worker.process.pid} exited with ${code}; starting another`);
      cluster.fork();
    }
  });
}

const config = loadConfigOrExit();
if (config.workers > 1 && config.database.kind === 'sqlite') {
  process.stderr.write('Configuration error: WORKERS > 1 needs DATABASE_URL (SQLite has a single writer)\n');
  process.exit(1);
}
if (config.workers > 1 && cluster.isPrimary) startWorkers(config.workers);
else void serve(config);
