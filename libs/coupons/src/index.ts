/** Public surface of the framework-free coupon domain (`@coupons/domain`). */
export * from './enums';
export * from './limits';
export * from './currencies';
export * from './dates';
export * from './percentage';
export * from './codes';
export * from './field-rules';
export * from './coupon-attributes';
export * from './applied-coupon-attributes';
export * from './invoice';
export * from './discounts';
export * from './pagination';
