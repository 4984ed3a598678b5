import { describe, expect, it } from 'vitest';
import { localInputToUtc, localTimeZone, utcToLocalInput } from './datetime';

// vite.config.ts runs the tests in Asia/Kolkata (UTC+05:30, no daylight saving).
describe('date-time pickers', () => {
  it('runs in the expected zone', () => {
    expect(new Date('2031-05-01T00:00:00Z').getTimezoneOffset()).toBe(-330);
    expect(localTimeZone()).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
  });

  it('reads the picker as local wall time and sends UTC', () => {
    expect(localInputToUtc('2031-05-01T14:30')).toBe('2031-05-01T09:00:00Z');
    expect(localInputToUtc('2031-01-01T02:00')).toBe('2030-12-31T20:30:00Z');
  });

  it('shows stored UTC instants in local time', () => {
    expect(utcToLocalInput('2031-05-01T09:00:00Z')).toBe('2031-05-01T14:30');
    expect(utcToLocalInput(null)).toBe('');
  });

  it('rejects what a picker cannot produce', () => {
    expect(localInputToUtc('')).toBeNull();
    expect(localInputToUtc('tomorrow')).toBeNull();
  });
});
