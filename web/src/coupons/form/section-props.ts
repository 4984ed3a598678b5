import type { CouponFormValues, FormErrors } from '../coupon-form';

/** What every form section receives: the values, a patcher, the errors and the lock rule. */
export interface SectionProps {
  values: CouponFormValues;
  set: (patch: Partial<CouponFormValues>) => void;
  errors: FormErrors;
  locked: (field: string) => boolean;
}
