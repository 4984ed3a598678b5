import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercentage, minorToMajorInput, parseMajorAmount } from './money';

describe('parseMajorAmount', () => {
  it('uses each currency exponent: EUR 2, JPY 0, BHD 3', () => {
    expect(parseMajorAmount('12.50', 'EUR')).toEqual({ ok: true, cents: 1250 });
    expect(parseMajorAmount('12', 'EUR')).toEqual({ ok: true, cents: 1200 });
    expect(parseMajorAmount('1500', 'JPY')).toEqual({ ok: true, cents: 1500 });
    expect(parseMajorAmount('1.005', 'BHD')).toEqual({ ok: true, cents: 1005 });
    expect(parseMajorAmount('0,5', 'BHD')).toEqual({ ok: true, cents: 500 });
  });

  it('never goes through floating point', () => {
    expect(parseMajorAmount('0.29', 'EUR')).toEqual({ ok: true, cents: 29 });
    expect(parseMajorAmount('1.10', 'JPY')).toEqual({ ok: false, error: 'JPY has no decimals' });
    expect(parseMajorAmount('1.000', 'JPY')).toEqual({ ok: true, cents: 1 });
  });

  it('explains what is wrong', () => {
    expect(parseMajorAmount('', 'EUR')).toEqual({ ok: false, error: 'Enter an amount' });
    expect(parseMajorAmount('12.345', 'EUR')).toEqual({ ok: false, error: 'EUR allows at most 2 decimals' });
    expect(parseMajorAmount('0', 'EUR')).toEqual({ ok: false, error: 'Enter an amount greater than 0' });
    expect(parseMajorAmount('-3', 'EUR').ok).toBe(false);
    expect(parseMajorAmount('1e3', 'EUR').ok).toBe(false);
    expect(parseMajorAmount('99999999999999999', 'EUR')).toEqual({ ok: false, error: 'This amount is too large' });
  });
});

describe('display', () => {
  it('formats minor units in the coupon currency', () => {
    expect(formatMoney(1250, 'EUR')).toBe('€12.50');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1005, 'BHD')).toMatch(/^BHD\s1\.005$/);
  });

  it('turns stored amounts back into what an operator types', () => {
    expect(minorToMajorInput(1250, 'EUR')).toBe('12.50');
    expect(minorToMajorInput(1500, 'JPY')).toBe('1500');
    expect(minorToMajorInput(5, 'BHD')).toBe('0.005');
  });
});

describe('money boundaries', () => {
  it('shows zero with the currency\'s own digits', () => {
    expect(formatMoney(0, 'EUR')).toBe('€0.00');
    expect(formatMoney(0, 'JPY')).toBe('¥0');
    expect(formatMoney(0, 'KWD')).toMatch(/^KWD\s0\.000$/);
  });

  it('uses the ISO minor units, not Intl\'s own table: KWD and BHD 3, CLF 4, JPY and KRW 0', () => {
    expect(formatMoney(1, 'KWD')).toMatch(/^KWD\s0\.001$/);
    expect(formatMoney(123456, 'KWD')).toMatch(/^KWD\s123\.456$/);
    expect(formatMoney(12345, 'CLF')).toMatch(/^CLF\s1\.2345$/);
    expect(formatMoney(1234567, 'KRW')).toBe('₩1,234,567');
    expect(formatMoney(1, 'EUR')).toBe('€0.01');
  });

  it('keeps every cent of the largest amount the API accepts', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'KWD')).toMatch(/^KWD\s9,007,199,254,740\.991$/);
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'JPY')).toBe('¥9,007,199,254,740,991');
  });

  it('signs a negative amount (credits given back)', () => {
    expect(formatMoney(-5, 'EUR')).toBe('-€0.05');
  });
});

describe('formatPercentage', () => {
  it('drops the trailing ".0" of whole rates', () => {
    expect(formatPercentage('15.0')).toBe('15%');
    expect(formatPercentage('100.0')).toBe('100%');
    expect(formatPercentage('100')).toBe('100%');
  });

  it('keeps significant decimals, up to five, never rounded', () => {
    expect(formatPercentage('12.5')).toBe('12.5%');
    expect(formatPercentage('12.50000')).toBe('12.5%');
    expect(formatPercentage('0.00001')).toBe('0.00001%');
    expect(formatPercentage('99.99999')).toBe('99.99999%');
    expect(formatPercentage('10.10')).toBe('10.1%');
  });

  it('keeps zeros before the point', () => {
    expect(formatPercentage('10')).toBe('10%');
    expect(formatPercentage('20.0')).toBe('20%');
  });
});
