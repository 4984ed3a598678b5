import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { setupDialectDocs } from './dialects/dialect-docs';
import { createApiDocument } from './http/api-document.openapi';
import { errorResponseFor } from './http/error-response';
import { registerPlatform } from './http/platform';
import { parseRequestBodies } from './http/request-bodies';
import { storeIdempotentResponses } from './idempotency/idempotency.hooks';
import { IdempotencyService } from './idempotency/idempotency.service';
import { webDistDir } from './web/web-dist';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[] | false> = {
  silent: false,
  error: ['error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  debug: ['log', 'warn', 'error', 'fatal', 'debug', 'verbose'],
};

/** Builds the HTTP application; used by main.ts and by the end-to-end suites alike. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    // Structured JSON request logs (pino), each line carrying the request id; keys never logged.
    logger: config.logLevel === 'silent' ? false : {
      level: config.logLevel === 'debug' ? 'debug' : config.logLevel === 'error' ? 'error' : 'info',
      redact: [
        'req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers["idempotency-key"]', 'req.headers.cookie',
        'req.headers["x-csrf-token"]',
      ],
    },
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 1024 },
    // The router answers undecodable or over-long path segments itself, before Nest's filter sees them.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = errorResponseFor(error, request.url);
      void reply.status(status).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bodyParser: false, // parseRequestBodies instead
    logger: LOG_LEVELS[config.logLevel] && new ConsoleLogger({ json: true, logLevels: LOG_LEVELS[config.logLevel] || [] }),
  });
  parseRequestBodies(app.getHttpAdapter().getInstance());
  const redis = await registerPlatform(app, config);
  storeIdempotentResponses(app.getHttpAdapter().getInstance(), app.get(IdempotencyService));
  if (redis) app.getHttpAdapter().getInstance().addHook('onClose', async () => void (await redis.quit()));
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, createApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  setupDialectDocs(app);

  const webDist = webDistDir();
  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  } else {
    new Logger('Web').warn('web/dist not built: the dashboard is not served (run `npm run build`)');
  }
  await app.init();
  return app;
}
