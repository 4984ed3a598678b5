import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './apps/api/src/config/app-config';
import { dataSourceOptions } from './apps/api/src/database/data-source-options';

/** The DataSource the TypeORM CLI uses for migrations: `npx typeorm -d dist/ormconfig.js migration:run`. */
export default new DataSource(dataSourceOptions(loadConfig().database));
