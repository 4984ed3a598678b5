import { Body, Controller, Delete, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, RequiresPermission } from '../http/api-key.guard';
import { CurrentOrganization } from '../http/current-organization.decorator';
import { unwrap } from '../http/render';
import { rootObject } from '../http/root-object';
import type { Organization } from '../organizations/organization';
import { RemoveUserService } from './remove-user.service';
import { UpdateUserRoleService } from './update-user-role.service';
import { serializeUser } from './user.serializer';
import { userListResponse, userResponse, userUpdateSchema } from './users.openapi';
import { UsersService } from './users.service';

/** The organization's operators: who may sign in, with which role. Admins only, reads included. */
@ApiTags('operators')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@RequiresPermission('administer')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly updateRole: UpdateUserRoleService,
    private readonly removeUser: RemoveUserService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The organization's users, oldest first" })
  @ApiOkResponse({ schema: userListResponse })
  async list(@CurrentOrganization() organization: Organization) {
    return { users: (await this.users.list(organization.id)).map(serializeUser) };
  }

  @Put(':lago_id')
  @ApiOperation({ summary: "Change a user's role (the last admin cannot be demoted: 422 `role: last_admin`)" })
  @ApiBody({ schema: userUpdateSchema })
  @ApiOkResponse({ schema: userResponse })
  async update(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string, @Body() body: unknown) {
    return { user: serializeUser(unwrap(await this.updateRole.call(organization, lagoId, rootObject(body, 'user')))) };
  }

  @Delete(':lago_id')
  @ApiOperation({ summary: 'Remove a user and end their sessions (not the last admin: 422 `base: last_admin`)' })
  @ApiOkResponse({ schema: userResponse })
  async remove(@CurrentOrganization() organization: Organization, @Param('lago_id') lagoId: string) {
    return { user: serializeUser(unwrap(await this.removeUser.call(organization, lagoId))) };
  }
}
