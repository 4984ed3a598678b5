import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isPlainObject } from '@coupons/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, failureBody } from '../http/error-body';
import { unwrap } from '../http/render';
import { AcceptInvitationService } from './accept-invitation.service';
import { invalidCredentials, invitationProblem, signInBadRequest, tooManySignInAttempts } from './auth-errors';
import { ChangePasswordService } from './change-password.service';
import { InvitationsService } from './invitations.service';
import type { SignedInOperator } from './operator';
import { CSRF_HEADER } from './request-origin';
import { CurrentOperator, SameOriginGuard, SessionGuard } from './session.guard';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { OpenedSession, SessionsService } from './sessions.service';
import { SignInService } from './sign-in.service';
import { serializePublicInvitation, serializeSession } from './user.serializer';
import { acceptInvitationSchema, changePasswordSchema, publicInvitationResponse, sessionResponse, signInSchema } from './users.openapi';

const csrfHeader = ApiHeader({ name: CSRF_HEADER, required: true, description: "The session's `csrf_token`" });

const fieldsOf = (body: unknown): Record<string, unknown> => (isPlainObject(body) ? body : {});

/** Sets the session's cookie and answers with what the dashboard needs of it; never cached (it holds the CSRF token). */
function signedIn(request: FastifyRequest, reply: FastifyReply, session: OpenedSession) {
  void reply.header('set-cookie', sessionCookie(request, session.token)).header('cache-control', 'no-store');
  return serializeSession(session.operator);
}

/** The dashboard's sign-in: sessions in an httpOnly cookie, password changes, and invitation links. */
@ApiTags('operators')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signInService: SignInService,
    private readonly sessions: SessionsService,
    private readonly changePassword: ChangePasswordService,
    private readonly invitations: InvitationsService,
    private readonly acceptInvitation: AcceptInvitationService,
  ) {}

  @Post('sign_in')
  @HttpCode(200)
  @UseGuards(SameOriginGuard)
  @ApiOperation({ summary: 'Sign in with email and password: sets the `coupons_session` cookie (5 failures in 15 min: 429)' })
  @ApiBody({ schema: signInSchema })
  @ApiOkResponse({ schema: sessionResponse })
  async signIn(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: unknown) {
    const result = await this.signInService.call(fieldsOf(body));
    switch (result.kind) {
      case 'invalid':
        throw signInBadRequest(result.errors);
      case 'invalid_credentials':
        throw invalidCredentials();
      case 'throttled':
        throw tooManySignInAttempts();
      case 'signed_in':
        return signedIn(request, reply, result.session);
    }
  }

  @Get('session')
  @UseGuards(SessionGuard)
  @ApiOperation({ summary: "The signed-in operator, their organization and the session's CSRF token (401 `session_required`)" })
  @ApiOkResponse({ schema: sessionResponse })
  show(@CurrentOperator() operator: SignedInOperator, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return serializeSession(operator);
  }

  @Post('sign_out')
  @HttpCode(204)
  @UseGuards(SessionGuard)
  @csrfHeader
  @ApiOperation({ summary: 'End the session (deleted on the server) and clear its cookie' })
  @ApiNoContentResponse()
  async signOut(@CurrentOperator() operator: SignedInOperator, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.close(operator);
    void reply.header('set-cookie', clearedSessionCookie(request));
  }

  @Put('password')
  @HttpCode(204)
  @UseGuards(SessionGuard)
  @csrfHeader
  @ApiOperation({ summary: "Change the operator's password; their other sessions end" })
  @ApiBody({ schema: changePasswordSchema })
  @ApiNoContentResponse()
  async updatePassword(@CurrentOperator() operator: SignedInOperator, @Body() body: unknown) {
    unwrap(await this.changePassword.call(operator, fieldsOf(body)));
  }

  @Get('invitations/:token')
  @ApiOperation({ summary: 'What an invitation link invites to (404 unknown or revoked, 410 expired, 409 used)' })
  @ApiOkResponse({ schema: publicInvitationResponse })
  async showInvitation(@Param('token') token: string) {
    const lookup = await this.invitations.byToken(token);
    if (lookup.kind === 'unusable') throw invitationProblem(lookup.problem);
    return { invitation: serializePublicInvitation(lookup.invitation, lookup.organizationName) };
  }

  @Post('invitations/:token/accept')
  @HttpCode(200)
  @UseGuards(SameOriginGuard)
  @ApiOperation({ summary: 'Accept an invitation: creates the user with a name and password, and signs them in' })
  @ApiBody({ schema: acceptInvitationSchema })
  @ApiOkResponse({ schema: sessionResponse })
  async accept(@Param('token') token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: unknown) {
    const result = await this.acceptInvitation.call(token, fieldsOf(body));
    switch (result.kind) {
      case 'unusable':
        throw invitationProblem(result.problem);
      case 'invalid':
        throw new ApiError(failureBody({ kind: 'validation', errors: result.errors }));
      case 'accepted':
        return signedIn(request, reply, result.session);
    }
  }
}
