import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { dialectFor } from '../dialects/dialects';
import { clientErrorBody } from './error-body';
import { isApiPath, statusBodyFor } from './error-response';
import { recordHttpMetrics } from '../observability/metrics';
import { sendSecurityHeaders } from './security-headers';

/**
 * Rate-limit bucket: the key's public id (never the secret), or the client address without a key. Keys come
 * as `Authorization: Bearer` or, in the Flexprice dialect, as `x-api-key`.
 */
function rateLimitKey(request: FastifyRequest): string {
  const apiKeyHeader = request.headers['x-api-key'];
  const presented = typeof apiKeyHeader === 'string' ? `Bearer ${apiKeyHeader}` : (request.headers.authorization ?? '');
  const match = /^Bearer cpn_([A-Za-z0-9]{16})_/i.exec(presented);
  return match ? `key:${match[1]}` : `ip:${request.ip}`;
}

/** Replaces Fastify's default `clientError` answer (`{"error","message","statusCode"}`) with our `{status, error}` shape. */
function contractShapedClientErrors(server: Server): void {
  server.removeAllListeners('clientError');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const body = clientErrorBody(error.code);
      // The request line, when Node kept it, says whether a dialect's error shape is expected.
      const rawPacket = (error as { rawPacket?: Buffer }).rawPacket;
      const path = /^[A-Z]+ (\S+)/.exec(rawPacket?.toString('latin1', 0, 4096) ?? '')?.[1] ?? '';
      const json = JSON.stringify(dialectFor(path) ? statusBodyFor(body.status, path) : body);
      socket.write(
        `HTTP/1.1 ${body.status} ${body.error}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${json}`,
      );
    }
    socket.destroy(error);
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Answered 503 by the deadline while its handler may still be running. */
    pastDeadline: boolean;
  }
}

/**
 * A database that stops answering without closing its connections (a network partition) would leave
 * requests waiting forever, authentication included; past the deadline the client gets a 503 instead.
 */
function enforceDeadline(fastify: FastifyInstance, ms: number): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      // A response already under way (a streamed CSV export) is not cut off: only a request still waiting is.
      if (reply.sent || reply.raw.headersSent) return;
      request.pastDeadline = true;
      void reply.code(503).send(statusBodyFor(503, request.url));
    }, ms);
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}

/** Security headers, CORS (closed unless configured), per-key rate limits and request metrics. */
export async function registerPlatform(app: NestFastifyApplication, config: AppConfig): Promise<Redis | null> {
  sendSecurityHeaders(app.getHttpAdapter().getInstance(), {
    // Swagger UI's page needs its inline bootstrap; everything else stays on 'self'.
    contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
  });
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });

  let redis: Redis | null = null;
  if (config.rateLimitPerMinute > 0) {
    redis = config.redisUrl ? new Redis(config.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    await app.register(fastifyRateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: rateLimitKey,
      allowList: (request) => !isApiPath(request.url),
      ...(redis ? { redis, nameSpace: 'coupons-rl:' } : {}),
      // A Redis outage must not take the API down with it.
      skipOnError: true,
      errorResponseBuilder: (request) => ({ ...(statusBodyFor(429, request.url) as object), statusCode: 429 }),
    });
  }
  app.getHttpAdapter().getInstance().decorateRequest('pastDeadline', false);
  if (config.requestTimeoutMs > 0) enforceDeadline(app.getHttpAdapter().getInstance(), config.requestTimeoutMs);
  recordHttpMetrics(app.getHttpAdapter().getInstance());
  contractShapedClientErrors(app.getHttpAdapter().getInstance().server);
  return redis;
}
