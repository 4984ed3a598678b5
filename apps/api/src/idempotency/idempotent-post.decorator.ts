import { applyDecorators, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyGuard } from './idempotency.guard';

/**
 * Every POST of the API: Lago answers 200 (create included), and an `Idempotency-Key` makes a retry replay
 * the first response.
 */
export const IdempotentPost = (path?: string) =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    // After the controller's ApiKeyGuard: keys are scoped to the authenticated organization.
    UseGuards(IdempotencyGuard),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key replay the first response (24 h)' }),
  );
