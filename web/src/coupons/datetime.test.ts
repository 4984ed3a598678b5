import { describe, expect, it } from 'vitest';
import { formatDisplayDate, formatUtc, localInputToUtc, localTimeZone, utcToLocalInput } from './datetime';

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

describe('displayed dates', () => {
  it('shows instants in the operator\'s zone, seconds on request', () => {
    expect(formatDisplayDate('2031-05-01T09:00:00Z')).toBe('May 1, 2031, 2:30 PM');
    expect(formatDisplayDate('2031-05-01T09:00:05.374Z', { seconds: true })).toBe('May 1, 2031, 2:30:05 PM');
    // Past midnight locally while still the previous day in UTC.
    expect(formatDisplayDate('2030-12-31T20:30:00Z')).toBe('Jan 1, 2031, 2:00 AM');
  });

  it('gives the UTC time for the hover title, milliseconds dropped', () => {
    expect(formatUtc('2031-05-01T09:00:05.374Z')).toBe('2031-05-01 09:00:05 UTC');
    expect(formatUtc('2031-05-01T14:30:00+05:30')).toBe('2031-05-01 09:00:00 UTC');
  });

  it('has nothing to show for a missing or unreadable value', () => {
    expect(formatDisplayDate(null)).toBe('—');
    expect(formatUtc(null)).toBeNull();
    expect(formatUtc('2031-02-30T00:00:00Z')).toBeNull();
  });
});
