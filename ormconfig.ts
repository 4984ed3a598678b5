import 'reflect-metadata';
import { loadOrExit } from './apps/api/src/config/config-error';
import { loadDatabaseConfig } from './apps/api/src/config/database-config';
import { createDataSource, dataSourceOptions } from './apps/api/src/database/data-source-options';

/** The DataSource the TypeORM CLI uses for migrations: `npx typeorm -d dist/ormconfig.js migration:run`. */
export default createDataSource(dataSourceOptions(loadOrExit(() => loadDatabaseConfig())));
