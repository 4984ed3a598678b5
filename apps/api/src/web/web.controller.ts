import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dialectFor } from '../dialects/dialects';
import { ApiError, plainErrorBody } from '../http/error-body';
import { webDistDir } from './web-dist';

/**
 * Client-side routes of the dashboard (e.g. /coupons/SUMMER) all load index.html. Files of the bundle are
 * served by @fastify/static; unknown API paths, the dialects' included, stay JSON 404s.
 */
@ApiExcludeController()
@Controller()
export class WebController {
  private readonly indexHtml: string | null = (() => {
    const dir = webDistDir();
    return dir ? readFileSync(join(dir, 'index.html'), 'utf8') : null;
  })();

  @Get('*')
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    if (this.indexHtml === null || request.url.startsWith('/api/') || request.url === '/api' || dialectFor(request.url)) {
      throw new ApiError(plainErrorBody(404));
    }
    void reply.type('text/html; charset=utf-8').send(this.indexHtml);
  }
}
