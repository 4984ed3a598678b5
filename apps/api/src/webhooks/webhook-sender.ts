import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { ForbiddenAddressError, guardedLookup, isForbiddenAddress } from './webhook-address-guard';
import { hostOf, parseHttpUrl } from './webhook-endpoint-input';

/** A receiver has this long, connection to last byte read, to answer. */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** The part of an answer kept for the log; the rest is never read. */
export const RESPONSE_BODY_LIMIT = 1024;

export interface WebhookMessage {
  url: string;
  /** The event's id: the same on every attempt, so that receivers can drop duplicates. */
  id: string;
  body: string;
  /** The secrets that sign it (two while a rotated-out secret is still honoured). */
  secrets: string[];
}

export interface SendResult {
  delivered: boolean;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number;
  error: string | null;
}

/** Standard Webhooks headers: `v1,<signature>` per secret, space-separated. */
export function signatureHeaders(message: WebhookMessage, at: Date): Record<string, string> {
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': message.secrets.map((secret) => new Webhook(secret).sign(message.id, at, message.body)).join(' '),
  };
}

/**
 * POSTs signed events. Costs a worker at most the timeout and a kilobyte per attempt whatever the receiver
 * does: the connection goes only to addresses checked when resolved (unless private ones are allowed),
 * redirects are answers like any other (never followed), and the answer is read up to the limit, then cut.
 */
export class WebhookSender {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
  private readonly lookup;

  constructor(
    private readonly allowPrivate: boolean,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
  ) {
    this.lookup = guardedLookup(allowPrivate);
  }

  send(message: WebhookMessage, now: Date = new Date()): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const url = parseHttpUrl(message.url);
    if (!url) return Promise.resolve(failure(elapsed(), 'invalid_url'));
    // Sockets to IP literals skip the lookup: they are judged here.
    const host = hostOf(url);
    if (!this.allowPrivate && isIP(host) && isForbiddenAddress(host)) {
      return Promise.resolve(failure(elapsed(), new ForbiddenAddressError(host, host).message));
    }
    const https = url.protocol === 'https:';
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const finish = (result: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const request = (https ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          agent: https ? this.httpsAgent : this.httpAgent,
          lookup: this.lookup,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(message.body),
            'user-agent': 'coupons-webhooks/1',
            ...signatureHeaders(message, now),
          },
        },
        (response) => readBounded(response, (body) => {
          const status = response.statusCode ?? 0;
          finish({ delivered: status >= 200 && status < 300, responseStatus: status, responseBody: body, durationMs: elapsed(), error: null });
        }),
      );
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) => finish(failure(elapsed(), describe(error))));
      request.end(message.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** Reads at most the limit: a short answer to its end (the socket goes back to the pool), a long one is cut. */
function readBounded(response: IncomingMessage, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const complete = () => done(Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'));
  response.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_BODY_LIMIT) {
      response.destroy();
      complete();
    }
  });
  response.on('end', complete);
  response.on('error', complete);
  response.on('close', complete);
}

function failure(durationMs: number, error: string): SendResult {
  return { delivered: false, responseStatus: null, responseBody: null, durationMs, error };
}

function describe(error: NodeJS.ErrnoException): string {
  const text = error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
  return text.slice(0, 255);
}
