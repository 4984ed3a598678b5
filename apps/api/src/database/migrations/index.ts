import { InitialSchema1795478158035 } from './1795478158035-initial-schema';
import { CouponListIndexDesc1795479500000 } from './1795479500000-coupon-list-index-desc';
import { CouponListStats1795480000000 } from './1795480000000-coupon-list-stats';

/** Every migration, oldest first; the MySQL DataSource runs the pending ones at start. */
export const MIGRATIONS = [InitialSchema1795478158035, CouponListIndexDesc1795479500000, CouponListStats1795480000000];
