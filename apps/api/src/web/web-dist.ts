import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the admin dashboard's production bundle lives (the `web` workspace's dist), if it was built. */
export function webDistDir(): string | null {
  try {
    const dir = join(dirname(require.resolve('@coupons/web/package.json')), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}
