import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Every POST of the API: Lago answers 200 (create included), and an `Idempotency-Key` makes a retry replay
 * the first response. Scoped to POST routes so that reads never pay for the interceptor.
 */
export const IdempotentPost = (path?: string) =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key replay the first response (24 h)' }),
  );
