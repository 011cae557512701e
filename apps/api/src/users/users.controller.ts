import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityService, SessionsService } from '#libs/identity';
import { actorOf, DomainError, ErrorCode, type Principal } from '#libs/core';
import { CurrentPrincipal } from '../common/request-context.js';
import { AdminOnly } from '../auth/auth.decorators.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateUserDto, UpdateUserDto, UpsertUnitDto } from './dto/users.dto.js';
import { ApiEmpty, ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { ApiTokenListDto, PeopleDto, UnitDto, UnitListDto, UserDto, UserListDto } from './dto/user-responses.dto.js';
import { SessionListDto } from '../auth/dto/auth-responses.dto.js';
import { CurrentSessionId } from '../auth/current-session.js';

@ApiTags('users')
@SignedIn()
@Controller()
export class UsersController {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionsService,
  ) {}

  @ApiOperation({ summary: 'Every user (admins and auditors)' })
  @ApiJson(UserListDto, { description: 'The users' })
  @ApiErrors(403)
  @Get('users')
  @AdminOnly()
  async list() {
    return { items: await this.identity.listUsers() };
  }

  @ApiJson(UserDto, { status: 201, description: 'Created' })
  @ApiErrors(400, 403, 409, 413, 429)
  @Post('users')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a user with role memberships per unit' })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() p: Principal) {
    return this.identity.createUser(dto, actorOf(p));
  }

  @ApiOperation({ summary: 'One user (admins and auditors)' })
  @ApiJson(UserDto, { description: 'The user' })
  @ApiErrors(400, 403, 404)
  @Get('users/:id')
  @AdminOnly()
  get(@Param('id', new UuidPipe('id')) id: string) {
    return this.identity.getUser(id);
  }

  @ApiOperation({ summary: 'Change a user: name, password, memberships, active' })
  @ApiJson(UserDto, { description: 'The user after the change' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Patch('users/:id')
  @AdminOnly()
  update(@Param('id', new UuidPipe('id')) id: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() p: Principal) {
    return this.identity.updateUser(id, dto, actorOf(p));
  }

  @ApiJson(ApiTokenListDto, { description: 'The tokens' })
  @ApiErrors(400, 403, 404)
  @Get('users/:id/tokens')
  @AdminOnly()
  @ApiOperation({ summary: 'A user’s API tokens (never their secrets), revoked ones included' })
  async tokens(@Param('id', new UuidPipe('id')) id: string) {
    return { items: await this.identity.listTokensOf(id) };
  }

  @ApiEmpty('Revoked')
  @ApiErrors(400, 403, 404, 413, 429)
  @Delete('users/:id/tokens/:tokenId')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of a user’s API tokens (recorded in the audit log as the admin’s action)' })
  async revokeToken(@Param('id', new UuidPipe('id')) id: string, @Param('tokenId', new UuidPipe('tokenId')) tokenId: string, @CurrentPrincipal() p: Principal) {
    await this.identity.revokeToken(tokenId, id, actorOf(p));
  }

  @ApiJson(SessionListDto, { description: 'The running sessions, newest first' })
  @ApiErrors(400, 403, 404)
  @Get('users/:id/sessions')
  @AdminOnly()
  @ApiOperation({ summary: 'A user’s running sign-in sessions (admins and auditors)' })
  async userSessions(@Param('id', new UuidPipe('id')) id: string, @CurrentSessionId() sessionId: string | null) {
    await this.identity.getUser(id);
    return { items: await this.sessions.list(id, sessionId) };
  }

  @ApiEmpty('Ended')
  @ApiErrors(400, 403, 404, 413, 429)
  @Delete('users/:id/sessions/:sessionId')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of a user’s sessions: its tokens stop at once (recorded in the audit log as the admin’s action)' })
  async endUserSession(@Param('id', new UuidPipe('id')) id: string, @Param('sessionId', new UuidPipe('sessionId')) sessionId: string, @CurrentPrincipal() p: Principal) {
    await this.identity.getUser(id);
    await this.sessions.endOf(id, sessionId, 'ended_by_admin', actorOf(p));
  }

  @ApiJson(PeopleDto, { description: 'Every user\'s name, by user id' })
  @Get('people')
  @ApiOperation({ summary: 'Who is who: the display name of every user, for any signed-in user (no addresses, roles or units), so that pages name people instead of user ids' })
  async people() {
    return { items: (await this.identity.listUsers()).map((u) => ({ username: u.username, displayName: u.displayName })) };
  }

  @ApiJson(UnitListDto, { description: 'The units' })
  @Get('units')
  @ApiOperation({ summary: 'The org units (BXDĐ, Đảng ủy UBND, UBND and its departments, MTTQ…)' })
  async units() {
    return { items: await this.identity.listUnits() };
  }

  @ApiOperation({ summary: 'Create or change an org unit' })
  @ApiJson(UnitDto, { description: 'The unit as stored' })
  @ApiErrors(400, 403, 413, 429)
  @Put('units/:key')
  @AdminOnly()
  upsertUnit(@Param('key') key: string, @Body() dto: UpsertUnitDto, @CurrentPrincipal() p: Principal) {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(key)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'key must be an org unit key', { problems: [{ field: 'key', reason: 'lowercase letters, digits and dashes' }] });
    }
    return this.identity.upsertUnit({ key, name: dto.name, parentKey: dto.parentKey ?? null }, actorOf(p));
  }
}
