import { formatDateTime, parseDateTime } from './dates';

const iso = (value: unknown): string | null => parseDateTime(value)?.toISOString() ?? null;

describe('parseDateTime', () => {
  it.each([
    ['2026-01-31T10:00:00Z', '2026-01-31T10:00:00.000Z'],
    ['2026-01-31T10:00:00+05:30', '2026-01-31T04:30:00.000Z'],
    ['2026-01-31T10:00:00-08:00', '2026-01-31T18:00:00.000Z'],
    ['2026-01-31T10:00:00+0530', '2026-01-31T04:30:00.000Z'],
    ['2026-01-31T10:00:00+00:00', '2026-01-31T10:00:00.000Z'],
    ['2026-01-31T10:00:00-00:00', '2026-01-31T10:00:00.000Z'],
    ['2026-01-31T10:00Z', '2026-01-31T10:00:00.000Z'],
    ['2026-01-31T10:00:00.5Z', '2026-01-31T10:00:00.500Z'],
    ['2026-01-31T10:00:00.123Z', '2026-01-31T10:00:00.123Z'],
    ['2026-01-31T10:00:00.123999999Z', '2026-01-31T10:00:00.123Z'],
    ['2026-01-31', '2026-01-31T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
  ])('accepts %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('crosses day, month and year boundaries through the offset', () => {
    expect(iso('2026-01-01T01:00:00+02:00')).toBe('2025-12-31T23:00:00.000Z');
    expect(iso('2026-02-28T23:30:00-01:00')).toBe('2026-03-01T00:30:00.000Z');
    expect(iso('2024-02-28T23:30:00-01:00')).toBe('2024-02-29T00:30:00.000Z');
    expect(iso('2026-12-31T23:00:00-14:00')).toBe('2027-01-01T13:00:00.000Z');
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T24:61:00Z',
    '2026-01-01T10:00:60Z',
    '2026-01-01T10:00:00+24:00',
    '2026-01-01T10:00:00+05:60',
  ])('rejects the impossible %s', (input) => {
    expect(parseDateTime(input)).toBeNull();
  });

  it.each([
    '2026-01-01T10:00:00',
    '2026-01-01 10:00:00Z',
    '2026-01-01T10:00:00z',
    '2026-1-1',
    '26-01-01',
    '20260101',
    '2026-01-01T10Z',
    '2026-01-01T10:00:00.Z',
    '2026-01-01T10:00:00.1234567890Z',
    '2026-01-01T10:00:00+5:30',
    '2026-01-01T10:00:00 +05:30',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026-01-01Z',
    '2026-01-01T',
    'Thu, 01 Jan 2026',
    '01/31/2026',
    'tomorrow',
    '',
    '+012026-01-01T00:00:00Z',
    '2026-01-01T10:00:00+05:30\n',
  ])('rejects the format %j', (input) => {
    expect(parseDateTime(input)).toBeNull();
  });

  it.each([[0], [1767225600000], [null], [undefined], [true], [new Date()], [{}], [['2026-01-01']]])(
    'rejects the non-string %p',
    (input) => {
      expect(parseDateTime(input)).toBeNull();
    },
  );

  it('keeps to what a DATETIME column holds (years 1000 to 9999 in UTC)', () => {
    expect(iso('1000-01-01')).toBe('1000-01-01T00:00:00.000Z');
    expect(iso('0999-12-31T23:59:59Z')).toBeNull();
    expect(iso('1000-01-01T00:30:00+01:00')).toBeNull();
    expect(iso('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
    expect(iso('9999-12-31T23:00:00-05:00')).toBeNull();
    expect(iso('0000-01-01')).toBeNull();
  });

  it('does not shift two-digit years into the 1900s', () => {
    expect(iso('0050-01-01')).toBeNull();
    expect(iso('1999-01-01')).toBe('1999-01-01T00:00:00.000Z');
  });
});

describe('formatDateTime', () => {
  it('prints UTC seconds with Z and truncates milliseconds', () => {
    expect(formatDateTime(new Date('2026-01-31T10:00:00.999Z'))).toBe('2026-01-31T10:00:00Z');
    expect(formatDateTime(new Date('2026-01-31T10:00:00+05:30'))).toBe('2026-01-31T04:30:00Z');
    expect(formatDateTime(new Date(Date.UTC(2024, 1, 29, 23, 59, 59)))).toBe('2024-02-29T23:59:59Z');
  });

  it('gives null for missing or invalid dates', () => {
    expect(formatDateTime(null)).toBeNull();
    expect(formatDateTime(undefined)).toBeNull();
    expect(formatDateTime(new Date('nope'))).toBeNull();
  });

  it('round-trips through parseDateTime', () => {
    const text = '2031-07-15T08:09:10Z';
    expect(formatDateTime(parseDateTime(text))).toBe(text);
  });
});
