import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-http-bearer';
import { ApiKeysService } from '../organizations/api-keys.service';
import type { Organization } from '../organizations/organization';

/** The longest request id recorded with an event; a longer `X-Request-Id` is cut to it. */
const REQUEST_ID_MAX_LENGTH = 255;

/** The request's id (its `X-Request-Id`, or one the server generated), as events record it. */
export const requestIdOf = (request: FastifyRequest): string => String(request.id).slice(0, REQUEST_ID_MAX_LENGTH);

@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super({ passReqToCallback: true });
  }

  /**
   * The key's organization, with the key as the actor and the request's id: what the use cases record with
   * their events, carried on the argument they already take.
   */
  async validate(request: FastifyRequest, token: string): Promise<Organization | false> {
    const organization = await this.apiKeys.authenticate(token);
    if (!organization) return false;
    return { ...organization, requestId: requestIdOf(request) };
  }
}
