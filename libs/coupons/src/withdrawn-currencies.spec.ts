import { CURRENCY_CODES, isCurrencyCode } from './currencies';
import { WITHDRAWN_CURRENCY_CODES, withdrawnCurrency } from './withdrawn-currencies';

describe('withdrawn currencies', () => {
  it.each([
    ['BYR', 'BYN'],
    ['HRK', 'EUR'],
    ['MRO', 'MRU'],
    ['SLL', 'SLE'],
    ['STD', 'STN'],
    ['VEF', 'VES'],
    ['ZWL', 'ZWG'],
  ])('names the successor of %s: %s', (code, successor) => {
    expect(withdrawnCurrency(code)).toEqual({ code, successor, replacedIn: expect.any(Number) });
  });

  it('lists exactly those codes, sorted and frozen', () => {
    expect(WITHDRAWN_CURRENCY_CODES).toEqual(['BYR', 'HRK', 'MRO', 'SLL', 'STD', 'VEF', 'ZWL']);
    expect(Object.isFrozen(WITHDRAWN_CURRENCY_CODES)).toBe(true);
  });

  it('never overlaps the usable codes, and every successor is one of them', () => {
    for (const code of WITHDRAWN_CURRENCY_CODES) {
      expect(isCurrencyCode(code)).toBe(false);
      expect(CURRENCY_CODES).toContain(withdrawnCurrency(code)!.successor);
    }
  });

  it('dates every replacement in the ISO 4217 era', () => {
    for (const code of WITHDRAWN_CURRENCY_CODES) {
      expect(withdrawnCurrency(code)!.replacedIn).toBeGreaterThanOrEqual(2000);
      expect(withdrawnCurrency(code)!.replacedIn).toBeLessThanOrEqual(new Date().getUTCFullYear());
    }
  });

  it('answers null for current codes, other case, other types and inherited names', () => {
    for (const value of ['EUR', 'BYN', 'hrk', 'Hrk', ' HRK', 'HRK ', '', 'ZZZ', 'constructor', '__proto__', 'toString', null, undefined, 191, ['HRK'], {}]) {
      expect(withdrawnCurrency(value)).toBeNull();
    }
  });
});
