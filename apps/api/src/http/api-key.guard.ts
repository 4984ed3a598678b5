import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** Every /api/v1 route: `Authorization: Bearer <key>`, sessionless. */
@Injectable()
export class ApiKeyGuard extends AuthGuard('bearer') {}
