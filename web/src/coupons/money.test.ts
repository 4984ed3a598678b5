import { describe, expect, it } from 'vitest';
import { formatMoney, minorToMajorInput, parseMajorAmount } from './money';

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
