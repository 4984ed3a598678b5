import { InitialSchema1795478158035 } from './1795478158035-initial-schema';
import { CouponListIndexDesc1795479500000 } from './1795479500000-coupon-list-index-desc';
import { CouponListStats1795480000000 } from './1795480000000-coupon-list-stats';
import { PromotionCodes1795490000000 } from './1795490000000-promotion-codes';
import { Events1795500000000 } from './1795500000000-events';
import { Webhooks1795510000000 } from './1795510000000-webhooks';
import { FlexpriceCouponRules1795515000000 } from './1795515000000-flexprice-coupon-rules';
import { CouponsNewestFirstIndex1795520000000 } from './1795520000000-coupons-newest-first-index';
import { Operators1795530000000 } from './1795530000000-operators';
import { InvoiceDiscountsCreatedIndex1795540000000 } from './1795540000000-invoice-discounts-created-index';

/** Every migration, oldest first; the MySQL DataSource runs the pending ones at start. */
export const MIGRATIONS = [InitialSchema1795478158035, CouponListIndexDesc1795479500000, CouponListStats1795480000000, PromotionCodes1795490000000, Events1795500000000, Webhooks1795510000000, FlexpriceCouponRules1795515000000, CouponsNewestFirstIndex1795520000000, Operators1795530000000, InvoiceDiscountsCreatedIndex1795540000000];
