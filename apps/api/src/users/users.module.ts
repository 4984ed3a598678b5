import { Global, Module } from '@nestjs/common';
import { AcceptInvitationService } from './accept-invitation.service';
import { AuthController } from './auth.controller';
import { ChangePasswordService } from './change-password.service';
import { CreateInvitationService } from './create-invitation.service';
import { CreateUserService } from './create-user.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { RemoveUserService } from './remove-user.service';
import { RevokeInvitationService } from './revoke-invitation.service';
import { SessionGuard } from './session.guard';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { SignInService } from './sign-in.service';
import { UpdateUserRoleService } from './update-user-role.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * Operators: accounts, sessions, invitations. Global because the API guard of every feature's controllers
 * checks sessions with SessionsService; the CLI creates users with CreateUserService.
 */
@Global()
@Module({
  controllers: [AuthController, UsersController, InvitationsController],
  providers: [
    UsersRepository,
    SessionsRepository,
    InvitationsRepository,
    SignInFailuresRepository,
    SessionsService,
    SessionGuard,
    SignInService,
    ChangePasswordService,
    CreateUserService,
    UsersService,
    UpdateUserRoleService,
    RemoveUserService,
    InvitationsService,
    CreateInvitationService,
    AcceptInvitationService,
    RevokeInvitationService,
  ],
  exports: [SessionsService, CreateUserService],
})
export class UsersModule {}
