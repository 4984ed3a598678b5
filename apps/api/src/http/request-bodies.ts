import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { stripeErrors } from '../dialects/stripe/stripe-errors';
import { parseStripeForm } from '../dialects/stripe/stripe-form';

type Done = (error: Error | null, body?: unknown) => void;
type TextParser = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * An empty body is no body, whatever its content type, as in Rails: Lago's clients send
 * `Content-Type: application/json` on every call, DELETE included, and many HTTP clients set it globally.
 * Routes that take a body then answer their usual 400 for a missing root key.
 */
function emptyIsNoBody(parse: TextParser): TextParser {
  return (request, body, done) => (body.length === 0 ? done(null, undefined) : parse(request, body, done));
}

const keepText: TextParser = (_request, body, done) => done(null, body);
/** Stripe's dialect speaks form bodies (parsed with its bracket keys); under Lago's paths they stay text, a 400. */
const formBody: TextParser = (request, body, done) => {
  if (!request.url.startsWith(stripeErrors.pathPrefix)) return done(null, body);
  try {
    done(null, parseStripeForm(body));
  } catch {
    done(Object.assign(new Error('form body past its limits'), { statusCode: 400 }));
  }
};
const unsupported: TextParser = (_request, _body, done) => done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE());

/**
 * The body parsers, in place of Nest's: JSON (prototype poisoning refused), form and plain text kept as
 * text (never a valid root object, so a 400) except form bodies under Stripe's paths, any other type with
 * a body a 415.
 */
export function parseRequestBodies(fastify: FastifyInstance): void {
  // Built once: Nest's own parser built a new JSON parser for every request.
  // Fastify's default JSON parser is the callback kind: it answers through `done`, never a promise.
  const parseJson = fastify.getDefaultJsonParser('error', 'error') as TextParser;
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, emptyIsNoBody(parseJson));
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, emptyIsNoBody(formBody));
  fastify.addContentTypeParser('text/plain', { parseAs: 'string' }, emptyIsNoBody(keepText));
  fastify.addContentTypeParser('*', { parseAs: 'string' }, emptyIsNoBody(unsupported));
}
