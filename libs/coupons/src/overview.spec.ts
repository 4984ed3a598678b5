import { OVERVIEW_DAYS, parseOverviewDays } from './overview';

describe('parseOverviewDays', () => {
  it('defaults when absent and takes every whole number of the range, bounds included', () => {
    expect(parseOverviewDays(undefined)).toBe(OVERVIEW_DAYS.default);
    expect(parseOverviewDays('1')).toBe(1);
    expect(parseOverviewDays('30')).toBe(30);
    expect(parseOverviewDays('365')).toBe(365);
    expect(parseOverviewDays('007')).toBe(7);
  });

  it('refuses the numbers just outside the range and anything that is not a plain whole number', () => {
    for (const raw of ['0', '366', '999', '1000', '-1', '+5', '1.5', '1e2', ' 5', '', 'abc', '0x10']) {
      expect(parseOverviewDays(raw)).toBeNull();
    }
    for (const raw of [5, null, ['5', '6'], { days: 5 }]) expect(parseOverviewDays(raw)).toBeNull();
  });
});
