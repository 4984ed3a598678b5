import {
  APPLIED_COUPON_STATUSES,
  COUPON_STATUSES,
  COUPON_TYPES,
  ERROR_KEYS,
  EXPIRATIONS,
  FREQUENCIES,
  FieldErrors,
  addError,
  hasErrors,
  isOneOf,
} from './enums';
import { LIMITS, charLength } from './limits';

describe('enums', () => {
  it('lists the wire values', () => {
    expect(COUPON_TYPES).toEqual(['fixed_amount', 'percentage']);
    expect(FREQUENCIES).toEqual(['once', 'recurring', 'forever']);
    expect(EXPIRATIONS).toEqual(['no_expiration', 'time_limit']);
    expect(COUPON_STATUSES).toEqual(['active', 'terminated']);
    expect(APPLIED_COUPON_STATUSES).toEqual(['active', 'terminated']);
  });

  it('maps every error key to itself', () => {
    const keys = [
      'value_is_mandatory',
      'value_already_exist',
      'value_is_invalid',
      'value_is_out_of_range',
      'invalid_date',
      'coupon_is_not_reusable',
      'value_is_locked',
      'max_redemptions_reached',
      'coupon_not_yet_redeemable',
    ];
    expect(Object.keys(ERROR_KEYS).sort()).toEqual([...keys].sort());
    for (const [key, value] of Object.entries(ERROR_KEYS)) expect(value).toBe(key);
  });

  it('adds an error once per field and key, keeping order', () => {
    const errors: FieldErrors = {};
    expect(hasErrors(errors)).toBe(false);
    addError(errors, 'name', 'value_is_mandatory');
    addError(errors, 'name', 'value_is_mandatory');
    addError(errors, 'name', 'value_is_out_of_range');
    addError(errors, 'code', 'value_already_exist');
    expect(errors).toEqual({ name: ['value_is_mandatory', 'value_is_out_of_range'], code: ['value_already_exist'] });
    expect(hasErrors(errors)).toBe(true);
  });

  it('does not read inherited properties as existing errors', () => {
    const errors: FieldErrors = {};
    addError(errors, 'toString', 'value_is_invalid');
    expect(Object.entries(errors)).toEqual([['toString', ['value_is_invalid']]]);
  });

  it('narrows only exact members', () => {
    expect(isOneOf(FREQUENCIES, 'once')).toBe(true);
    expect(isOneOf(FREQUENCIES, 'ONCE')).toBe(false);
    expect(isOneOf(FREQUENCIES, 1)).toBe(false);
    expect(isOneOf(FREQUENCIES, null)).toBe(false);
  });
});

describe('limits', () => {
  it('has the agreed values', () => {
    expect(LIMITS).toMatchObject({
      nameMaxLength: 255,
      codeMaxLength: 255,
      descriptionMaxLength: 10000,
      maxInteger: 2 ** 53 - 1,
      percentageMaxDecimals: 5,
      metadataMaxKeys: 50,
      metadataKeyMaxLength: 40,
      metadataValueMaxLength: 500,
      perPageDefault: 100,
      perPageMax: 1000,
      frequencyDurationMax: 2 ** 31 - 1,
    });
  });

  it('counts code points, not UTF-16 units', () => {
    expect(charLength('')).toBe(0);
    expect(charLength('abc')).toBe(3);
    expect(charLength('😀😀')).toBe(2);
    expect(charLength('é')).toBe(1);
  });
});
