import { InitialSchema1795478158035 } from './1795478158035-initial-schema';

/** Every migration, oldest first; the MySQL DataSource runs the pending ones at start. */
export const MIGRATIONS = [InitialSchema1795478158035];
