import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { CreateInvitationService } from './create-invitation.service';
import { InvitationsService } from './invitations.service';
import { RevokeInvitationService } from './revoke-invitation.service';
import { serializeInvitation } from './user.serializer';
import { invitationCreateSchema, invitationListResponse, invitationResponse } from './users.openapi';

/** Invitations to join the organization: one-time links, valid 7 days. Admins only, reads included. */
@ApiTags('operators')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@RequiresPermission('administer')
@Controller('api/v1/invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly createInvitation: CreateInvitationService,
    private readonly revokeInvitation: RevokeInvitationService,
  ) {}

  // Not idempotent by key: a replayed answer would have to store the link's token, which is kept nowhere.
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Invite an email address with a role; `accept_url` is in this answer only' })
  @ApiBody({ schema: invitationCreateSchema })
  @ApiOkResponse({ schema: invitationResponse })
  async create(@CurrentOrganization() organization: Organization, @Body() body: unknown) {
    const { invitation, token } = unwrap(await this.createInvitation.call(organization, rootObject(body, 'invitation')));
    return { invitation: serializeInvitation(invitation, token) };
  }

  @Get()
  @ApiOperation({ summary: 'Pending invitations (neither accepted, revoked nor expired), newest first' })
  @ApiOkResponse({ schema: invitationListResponse })
  async list(@CurrentOrganization() organization: Organization) {
    return { invitations: (await this.invitations.pending(organization.id)).map((invitation) => serializeInvitation(invitation)) };
  }

  @Delete(':lago_id')
  @ApiOperation({ summary: 'Revoke an invitation: its link stops working' })
  @ApiOkResponse({ schema: invitationResponse })
  async revoke(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    return { invitation: serializeInvitation(unwrap(await this.revokeInvitation.call(organization, lagoId))) };
  }
}
