import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit } from '#api/config/app-config';
import { CliModule } from './cli.module';

/** Same DATABASE_URL / SQLITE_PATH as the server. Logs go to stderr so stdout stays scriptable. */
async function main(): Promise<void> {
  const config = { ...loadConfigOrExit(), schedulerEnabled: false };
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'fatal'],
    errorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
    // An error thrown by a command's run(): without this, nest-commander prints it and exits 0.
    serviceErrorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  });
}

void main();
