import {
  OPERATOR_LIMITS, OPERATOR_PERMISSIONS, OPERATOR_ROLES, apiKeyNameError, emailError, invitationErrors, invitationExpiresAt, invitationStatus,
  isOperatorRole, leavesNoAdmin, nameError, normalizeEmail, passwordError, roleAllows, roleError, sessionIsIdle,
  signInThrottled, signInWindowStart,
} from './operators';

const codePoints = (count: number, char = 'a') => char.repeat(count);

describe('roleAllows', () => {
  it.each([
    ['admin', 'read', true],
    ['admin', 'operate', true],
    ['admin', 'administer', true],
    ['manager', 'read', true],
    ['manager', 'operate', true],
    ['manager', 'administer', false],
    ['viewer', 'read', true],
    ['viewer', 'operate', false],
    ['viewer', 'administer', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(roleAllows(role, permission)).toBe(allowed);
  });

  it('covers every role and permission', () => {
    expect(OPERATOR_ROLES).toEqual(['admin', 'manager', 'viewer']);
    expect(OPERATOR_PERMISSIONS).toEqual(['read', 'operate', 'administer']);
  });
});

describe('isOperatorRole / roleError', () => {
  it.each(['admin', 'manager', 'viewer'])('accepts %s', (role) => {
    expect(isOperatorRole(role)).toBe(true);
    expect(roleError(role)).toBeNull();
  });

  it.each([['Admin'], ['owner'], [' admin'], [1], [{}]])('refuses %p', (role) => {
    expect(isOperatorRole(role)).toBe(false);
    expect(roleError(role)).toBe('value_is_invalid');
  });

  it.each([[undefined], [null], ['']])('requires a role: %p', (role) => {
    expect(roleError(role)).toBe('value_is_mandatory');
  });
});

describe('normalizeEmail / emailError', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada@Example.COM \n')).toBe('ada@example.com');
  });

  it.each(['ada@example.com', ' Ada@Example.com ', 'a.b+c@sub.example.co'])('accepts %p', (email) => {
    expect(emailError(email)).toBeNull();
  });

  it.each([[undefined], [null], [''], ['   ']])('requires an address: %p', (email) => {
    expect(emailError(email)).toBe('value_is_mandatory');
  });

  it.each([[42], [['a@b.co']]])('refuses a non-string: %p', (email) => {
    expect(emailError(email)).toBe('value_is_invalid');
  });

  it.each(['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'ada@@example.com'])('refuses %p', (email) => {
    expect(emailError(email)).toBe('invalid_email_format');
  });

  it('accepts 254 characters and refuses 255', () => {
    const domain = '@example.com';
    expect(emailError(`${codePoints(254 - domain.length)}${domain}`)).toBeNull();
    expect(emailError(`${codePoints(255 - domain.length)}${domain}`)).toBe('value_is_out_of_range');
  });
});

describe('passwordError', () => {
  it.each([
    [11, 'value_is_too_short'],
    [12, null],
    [256, null],
    [257, 'value_is_out_of_range'],
  ])('%i code points: %p', (length, expected) => {
    expect(passwordError(codePoints(length))).toBe(expected);
  });

  it('counts code points, not UTF-16 units', () => {
    // 11 emoji are 22 UTF-16 units: still too short.
    expect(passwordError(codePoints(11, '🔑'))).toBe('value_is_too_short');
    expect(passwordError(codePoints(12, '🔑'))).toBeNull();
    expect(passwordError(codePoints(256, '🔑'))).toBeNull();
    expect(passwordError(codePoints(257, '🔑'))).toBe('value_is_out_of_range');
  });

  it.each([[undefined], [null], ['']])('requires a password: %p', (value) => {
    expect(passwordError(value)).toBe('value_is_mandatory');
  });

  it.each([[123456789012], [{}]])('refuses a non-string: %p', (value) => {
    expect(passwordError(value)).toBe('value_is_invalid');
  });
});

describe('nameError', () => {
  it('accepts a name up to 255 characters, surrounding blanks aside', () => {
    expect(nameError('Ada Lovelace')).toBeNull();
    expect(nameError(` ${codePoints(255, 'é')} `)).toBeNull();
    expect(nameError(codePoints(256))).toBe('value_is_out_of_range');
  });

  it.each([[undefined], [null], [''], ['  ']])('requires a name: %p', (value) => {
    expect(nameError(value)).toBe('value_is_mandatory');
  });

  it('refuses a non-string', () => {
    expect(nameError(7)).toBe('value_is_invalid');
  });
});

describe('apiKeyNameError', () => {
  it('accepts no name at all', () => {
    expect(apiKeyNameError(undefined)).toBeNull();
    expect(apiKeyNameError(null)).toBeNull();
  });

  it('accepts up to 255 characters', () => {
    expect(apiKeyNameError(codePoints(255))).toBeNull();
    expect(apiKeyNameError(codePoints(256))).toBe('value_is_out_of_range');
  });

  it('refuses a non-string', () => {
    expect(apiKeyNameError(true)).toBe('value_is_invalid');
  });
});

describe('invitationErrors', () => {
  it('is empty for a valid invitation', () => {
    expect(invitationErrors({ email: 'ada@example.com', role: 'manager' })).toEqual({});
  });

  it('reports each field', () => {
    expect(invitationErrors({})).toEqual({ email: ['value_is_mandatory'], role: ['value_is_mandatory'] });
    expect(invitationErrors({ email: 'nope', role: 'owner' })).toEqual({ email: ['invalid_email_format'], role: ['value_is_invalid'] });
  });
});

describe('invitationStatus', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');
  const expiresAt = new Date(now.getTime() + 1);

  it('is pending until the instant it expires', () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt }, now)).toBe('pending');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
  });

  it('keeps accepted and revoked, even past the date', () => {
    const past = new Date(now.getTime() - 1);
    expect(invitationStatus({ acceptedAt: past, revokedAt: null, expiresAt: past }, now)).toBe('accepted');
    expect(invitationStatus({ acceptedAt: null, revokedAt: past, expiresAt: past }, now)).toBe('revoked');
  });
});

describe('leavesNoAdmin', () => {
  it('refuses demoting or removing the only admin', () => {
    expect(leavesNoAdmin('admin', 'manager', 1)).toBe(true);
    expect(leavesNoAdmin('admin', null, 1)).toBe(true);
  });

  it('allows it while another admin remains', () => {
    expect(leavesNoAdmin('admin', 'viewer', 2)).toBe(false);
    expect(leavesNoAdmin('admin', null, 2)).toBe(false);
  });

  it('never concerns keeping an admin, or changing someone who is not one', () => {
    expect(leavesNoAdmin('admin', 'admin', 1)).toBe(false);
    expect(leavesNoAdmin('manager', null, 1)).toBe(false);
    expect(leavesNoAdmin('viewer', 'manager', 0)).toBe(false);
  });
});

describe('time limits', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');

  it('an invitation is valid 7 days', () => {
    expect(invitationExpiresAt(now).toISOString()).toBe('2026-05-08T12:00:00.000Z');
  });

  it('a session is idle from exactly 12 h without use', () => {
    const idleHours = OPERATOR_LIMITS.sessionIdleHours;
    expect(idleHours).toBe(12);
    expect(sessionIsIdle(new Date(now.getTime() - idleHours * 3_600_000 + 1), now)).toBe(false);
    expect(sessionIsIdle(new Date(now.getTime() - idleHours * 3_600_000), now)).toBe(true);
    expect(sessionIsIdle(now, now)).toBe(false);
  });

  it('sign-in failures count over the last 15 minutes', () => {
    expect(signInWindowStart(now).toISOString()).toBe('2026-05-01T11:45:00.000Z');
  });

  it('the sixth attempt is throttled: five failures are enough', () => {
    expect(signInThrottled(4)).toBe(false);
    expect(signInThrottled(5)).toBe(true);
    expect(signInThrottled(6)).toBe(true);
  });
});
