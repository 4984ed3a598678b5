/**
 * fast-check generators of adversarial request bodies, and the error-shape check every response must
 * pass (never a 5xx; a 4xx body exactly `{status, error[, code, error_details]}`). Bodies are produced as raw text so that malformed JSON, numbers beyond what a
 * double holds and keys such as `__proto__` reach the server byte for byte.
 */
import fc from 'fast-check';
import { stringify } from 'qs';

/** A fragment spliced into the JSON text verbatim (JSON.stringify cannot express it). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Object.defineProperty so that `__proto__` becomes an own, enumerable key that JSON.stringify writes. */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `@@RAW_${raws.length - 1}@@`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"@@RAW_(\d+)@@"/g, (_m, i) => raws[Number(i)]);
}

/** Marker a successful prototype pollution would leave on every object. */
export const POLLUTION_MARK = 'fuzzPolluted';

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const weirdChar = fc.constantFrom('\u0000', '\u202e', '\ufeff', '\u200b', 'é', 'ß', '🎟️', '𝔘', '\n', '\t', '"', '\\', '/', '%', "'", '`', ' ');

/** Strings that have broken parsers, validators or SQL before. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '', ' ', '   ', 'null', 'undefined', 'NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x10', '1_000', '١٢٣',
    "' OR 1=1 --", '"; DROP TABLE coupons; --', '\\', '%00', '%', '_', '../../etc/passwd', '<script>alert(1)</script>',
    '{{7*7}}', '${7*7}', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
    '2024-02-30T00:00:00Z', '2024-13-01', '0000-00-00', '9999-12-31T23:59:59Z', '275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z',
    '2024-01-01T00:00:00', '2024-01-01T25:61:61+99:00', '1700000000', 'today', 'EUR', 'eur', 'XAU', 'XXX', 'percentage',
    'fixed_amount', 'once', 'recurring', 'forever', 'no_expiration', 'time_limit', '12.123456', '9007199254740993',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.oneof(weirdChar, loneSurrogate, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 30 }),
  fc.integer({ min: 256, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 300 }).map((n) => '🎟'.repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0.000001, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, -(2 ** 63), 1e21, 1e308, Number.MIN_VALUE),
  fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '123456789012345678901234567890', '0.1e1', '1E2', '9007199254740993', '18446744073709551616').map((t) => new RawJson(t)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n) => new RawJson(n.toString())),
);

/** Deeply nested arrays/objects, deeper than any validator would walk by hand. */
const deepNesting = fc.tuple(fc.integer({ min: 50, max: 50_000 }), fc.boolean()).map(([depth, arrays]) =>
  new RawJson(arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
);

const pollution = fc.constantFrom(
  objectOf([['__proto__', { [POLLUTION_MARK]: 'yes' }]]),
  objectOf([['constructor', { prototype: { [POLLUTION_MARK]: 'yes' } }]]),
  objectOf([['prototype', { [POLLUTION_MARK]: 'yes' }]]),
);

const scalar = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));

/** Any value at all for a field: scalars, wrong containers, deep nesting, pollution attempts. */
export const evilValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 8 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 4 }), weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: pollution, weight: 1 },
  ),
})).value;

/** Text that is not JSON, or JSON that is not an object. */
const malformedText = fc.constantFrom(
  '', '{', '}', '{"coupon":', '{"coupon":{}', '{"coupon":{"name":"x",}}', "{'coupon':{}}", 'null', 'true', '[]', '[{}]', '"coupon"', '0',
  '{"coupon":{"name":"\\ud800"}}', '{"coupon":{"name":"\\u00"}}', '{"coupon": NaN}', '{"coupon": Infinity}', '{"a":1}{"a":2}', '\u0000',
  '{"coupon":{"__proto__":{"fuzzPolluted":"yes"}}}', '{"constructor":{"prototype":{"fuzzPolluted":"yes"}}}', '\ufeff{}',
);

export type Valid = () => Record<string, unknown>;

/**
 * A request body for an endpoint whose root key is `root` (null: the fields at the top level, as the
 * dialects send them), whose known fields are `fields` and whose `valid()` builds an acceptable body
 * (fresh codes each time): a valid body with some fields replaced (reaches the deep checks and is often
 * accepted), a root object of random fields, or anything at all.
 */
export function bodyFor(root: string | null, fields: string[], valid: Valid): fc.Arbitrary<string> {
  const rooted = (value: unknown) => toJsonText(root === null ? value : { [root]: value });
  const fieldName = fc.oneof({ arbitrary: fc.constantFrom(...fields), weight: 4 }, { arbitrary: nastyString, weight: 1 });
  const mutated = fc
    .tuple(fc.array(fc.tuple(fieldName, evilValue), { maxLength: 3 }), fc.array(fc.constantFrom(...fields), { maxLength: 2 }))
    .map(([changes, removed]) => {
      const base = valid();
      for (const key of removed) delete base[key];
      const entries = Object.entries(base).concat(changes);
      return rooted(objectOf(entries));
    });
  const randomFields = fc.array(fc.tuple(fieldName, evilValue), { maxLength: 8 }).map((entries) => rooted(objectOf(entries)));
  const anyRoot = fc.oneof(
    evilValue.map((value) => rooted(value)),
    evilValue.map((value) => toJsonText(value)),
    fc.dictionary(nastyString, evilValue, { maxKeys: 3 }).map((value) => toJsonText(value)),
  );
  return fc.oneof(
    { arbitrary: fc.constant(null).map(() => rooted(valid())), weight: 2 },
    { arbitrary: mutated, weight: 8 },
    { arbitrary: randomFields, weight: 3 },
    { arbitrary: anyRoot, weight: 2 },
    { arbitrary: malformedText, weight: 1 },
  );
}

/** A path segment: a known one, or something odd (percent-encoded so it reaches the router as is). */
export function segmentFor(known: () => string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(null).map(() => known()).chain((list) => (list.length ? fc.constantFrom(...list) : fc.constant('none'))), weight: 3 },
    { arbitrary: nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) || 'x'), weight: 2 },
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', '%FF', '%00', '%2F', '%2F..%2F', 'x'.repeat(2000), 'y'.repeat(20_000)), weight: 1 },
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'BadRequest', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large', 422: 'Unprocessable Entity',
  431: 'Request Header Fields Too Large',
};

/** Why a response breaks the error rules, or null: never a 5xx; a non-2xx body exactly in the API's error shape. */
export function contractViolation(status: number, body: unknown, rootKey: string, successKey: string): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status >= 200 && status < 300) {
    const ok = typeof body === 'object' && body !== null && typeof (body as Record<string, unknown>)[successKey] === 'object';
    return ok ? null : `2xx without "${successKey}"`;
  }
  if (!(status in STATUS_TEXT)) return `unexpected status ${status}`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'error body is not an object';
  const { status: bodyStatus, error, code, error_details: details, ...extra } = body as Record<string, unknown>;
  if (Object.keys(extra).length) return `extra keys ${Object.keys(extra).join(',')}`;
  if (bodyStatus !== status) return `body status ${String(bodyStatus)} ≠ HTTP ${status}`;
  const expectedError = status === 400 ? `BadRequest: param is missing or the value is empty or invalid: ${rootKey}` : STATUS_TEXT[status];
  if (error !== expectedError) return `error text ${JSON.stringify(error)}`;
  if (code !== undefined && (typeof code !== 'string' || code === '')) return 'code is not a string';
  if (status === 422) {
    if (code !== 'validation_errors') return `422 code ${String(code)}`;
    if (typeof details !== 'object' || details === null || Array.isArray(details)) return 'error_details not an object';
    const entries = Object.entries(details);
    if (!entries.length) return 'error_details empty';
    for (const [field, keys] of entries) {
      if (!Array.isArray(keys) || !keys.length || keys.some((k) => typeof k !== 'string' || !/^[a-z_]+$/.test(k))) {
        return `error_details.${field} is not a list of error keys`;
      }
    }
  } else if (details !== undefined) {
    return `error_details on a ${status}`;
  }
  if (status === 404 && code !== undefined && !/_not_found$/.test(code)) return `404 code ${String(code)}`;
  return null;
}

const HYPERLINE_STATUSES = new Set([400, 401, 404, 413, 415, 422, 431]);

/** Why a response breaks the Hyperline dialect's error rules, or null: never a 5xx; errors exactly `{message[, errors]}`. */
export function hyperlineViolation(status: number, body: unknown): string | null {
  if (status >= 500) return `server error ${status}`;
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (status >= 200 && status < 300) return isObject ? null : '2xx without a JSON object';
  if (!HYPERLINE_STATUSES.has(status)) return `unexpected status ${status}`;
  if (!isObject) return 'error body is not an object';
  const { message, errors, ...extra } = body as Record<string, unknown>;
  if (Object.keys(extra).length) return `extra keys ${Object.keys(extra).join(',')}`;
  if (typeof message !== 'string' || message === '') return 'message is not a string';
  if (errors === undefined) return null;
  if (status !== 400) return `errors on a ${status}`;
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors) || !Object.keys(errors).length) return 'errors not a field map';
  for (const [field, keys] of Object.entries(errors)) {
    if (!Array.isArray(keys) || !keys.length || keys.some((k) => typeof k !== 'string' || !/^[a-z_]+$/.test(k))) return `errors.${field} is not a list of error keys`;
  }
  return null;
}

/** A form value: mostly nasty strings, sometimes empty or huge. */
const formValue = fc.oneof(nastyString, fc.integer().map(String), fc.constantFrom('', 'true', 'false', '0', '-1', '100.5', '1e3'));

/** A bracketed form key: a known field, maybe nested (`a[b][c]…`), maybe an array slot, maybe a prototype key. */
const formKey = (fields: string[]) =>
  fc
    .tuple(
      fc.oneof({ arbitrary: fc.constantFrom(...fields), weight: 4 }, { arbitrary: nastyString, weight: 1 }),
      fc.array(fc.oneof(fc.constantFrom('', '0', '1', '__proto__', 'constructor', 'prototype', 'eur', 'products', 'coupon', 'type'), nastyString), { maxLength: 6 }),
    )
    .map(([field, path]) => field + path.map((part) => `[${part}]`).join(''));

/** Lone surrogates cannot be percent-encoded (a form carries UTF-8): they become U+FFFD. */
const encodable = (text: string) => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
const encodePair = (key: string, value: string) =>
  `${encodeURIComponent(encodable(key)).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(encodable(value))}`;

/** Form text that is not what a client sends: stray separators, broken escapes, brackets left open. */
const malformedForm = fc.constantFrom('', '&', '&&=&', '=', '=x', '%', '%zz=1', 'a[=1', 'a]=1', '[]=1', 'a[b]]=1', 'a[][]=1', '\u0000=\u0000', 'a=%E0%A4%A');

/**
 * A form-encoded body for a Stripe endpoint whose parameters are `fields`: a valid body (`valid()`, its nested
 * objects as bracket keys) with pairs added or repeated, bracket keys nested past any limit, arrays of
 * thousands of elements or with huge indices, or malformed text.
 */
export function formBodyFor(fields: string[], valid: Valid): fc.Arbitrary<string> {
  const pairs = fc.array(fc.tuple(formKey(fields), formValue), { maxLength: 6 });
  const validText = () => stringify(valid(), { encodeValuesOnly: true });
  const mutated = pairs.map((extra) => [validText(), ...extra.map(([key, value]) => encodePair(key, value))].filter(Boolean).join('&'));
  const repeated = fc.tuple(fc.constantFrom(...fields), fc.array(formValue, { minLength: 2, maxLength: 5 })).map(([field, values]) =>
    [validText(), ...values.map((value) => encodePair(field, value))].join('&'),
  );
  const deep = fc.tuple(fc.constantFrom(...fields), fc.integer({ min: 5, max: 2000 })).map(([field, depth]) => `${validText()}&${field}${'[a]'.repeat(depth)}=1`);
  const hugeArray = fc.tuple(fc.constantFrom(...fields, 'expand'), fc.integer({ min: 50, max: 5000 }), fc.boolean()).map(([field, length, indexed]) =>
    [validText(), ...Array.from({ length }, (_, i) => `${field}[${indexed ? i : ''}]=x`)].join('&'),
  );
  const hugeIndex = fc.tuple(fc.constantFrom(...fields, 'expand'), fc.constantFrom('99999999', '4294967296', '1e9', '-1', '0x10')).map(([field, index]) => `${validText()}&${field}[${index}]=x`);
  return fc.oneof(
    { arbitrary: fc.constant(null).map(validText), weight: 2 },
    { arbitrary: mutated, weight: 6 },
    { arbitrary: repeated, weight: 2 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: hugeArray, weight: 1 },
    { arbitrary: hugeIndex, weight: 1 },
    { arbitrary: pairs.map((list) => list.map(([key, value]) => encodePair(key, value)).join('&')), weight: 2 },
    { arbitrary: malformedForm, weight: 1 },
  );
}

const STRIPE_STATUSES = new Set([400, 401, 404, 409, 413, 415, 431]);
const STRIPE_ERROR_TYPES = new Set(['invalid_request_error', 'idempotency_error', 'authentication_error', 'rate_limit_error', 'api_error']);

/** Why a response breaks the Stripe dialect's rules, or null: never a 5xx; errors exactly `{error: {type, message[, code, param]}}`. */
export function stripeViolation(status: number, body: unknown): string | null {
  if (status >= 500) return `server error ${status}`;
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (status >= 200 && status < 300) return isObject(body) && typeof body.object === 'string' && typeof body.id === 'string' ? null : '2xx without a Stripe object';
  if (!STRIPE_STATUSES.has(status)) return `unexpected status ${status}`;
  if (!isObject(body)) return 'error body is not an object';
  const { error, ...extra } = body;
  if (Object.keys(extra).length) return `extra keys ${Object.keys(extra).join(',')}`;
  if (!isObject(error)) return 'error is not an object';
  const { type, message, code, param, ...rest } = error;
  if (Object.keys(rest).length) return `extra error keys ${Object.keys(rest).join(',')}`;
  if (typeof type !== 'string' || !STRIPE_ERROR_TYPES.has(type)) return `error type ${String(type)}`;
  if ((status === 400 || status === 404) && type !== 'invalid_request_error' && type !== 'idempotency_error') return `type ${type} on a ${status}`;
  if (typeof message !== 'string' || message === '') return 'message is not a string';
  if (code !== undefined && (typeof code !== 'string' || !/^[a-z_]+$/.test(code))) return 'code is not an error code';
  if (param !== undefined && (typeof param !== 'string' || param === '')) return 'param is not a string';
  return null;
}

const FLEXPRICE_STATUSES = new Set([400, 401, 404, 413, 415, 431]);
const FLEXPRICE_CODES = new Set(['validation_error', 'already_exists', 'not_found', 'invalid_operation', 'permission_denied']);

/**
 * Why a response breaks the Flexprice dialect's rules, or null: never a 5xx; errors exactly `{success: false,
 * error: {message, internal_error[, details]}, code, message, http_status_code[, details]}`.
 */
export function flexpriceViolation(status: number, body: unknown): string | null {
  if (status >= 500) return `server error ${status}`;
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (status >= 200 && status < 300) return isObject(body) ? null : '2xx without a JSON object';
  if (!FLEXPRICE_STATUSES.has(status)) return `unexpected status ${status}`;
  if (!isObject(body)) return 'error body is not an object';
  const { success, error, code, message, http_status_code: httpStatus, details, ...extra } = body;
  if (Object.keys(extra).length) return `extra keys ${Object.keys(extra).join(',')}`;
  if (success !== false || httpStatus !== status) return 'success or http_status_code wrong';
  if (typeof code !== 'string' || !FLEXPRICE_CODES.has(code)) return `code ${String(code)}`;
  if (!isObject(error) || typeof error.message !== 'string' || error.message !== message || typeof error.internal_error !== 'string') return 'error envelope wrong';
  if (details === undefined) return null;
  if (status !== 400 || !isObject(details) || !Object.keys(details).length) return 'details not a field map on a 400';
  for (const [field, keys] of Object.entries(details)) {
    if (!Array.isArray(keys) || !keys.length || keys.some((k) => typeof k !== 'string' || !/^[a-z_]+$/.test(k))) return `details.${field} is not a list of error keys`;
  }
  return null;
}
