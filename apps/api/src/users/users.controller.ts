import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdentityService } from '#libs/identity';
import { actorOf, DomainError, ErrorCode, type Principal } from '#libs/runtime';
import { CurrentPrincipal } from '../common/request-context.js';
import { AdminOnly } from '../auth/auth.decorators.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateUserDto, UpdateUserDto, UpsertUnitDto } from './dto/users.dto.js';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly identity: IdentityService) {}

  @Get('users')
  @AdminOnly()
  async list() {
    return { items: await this.identity.listUsers() };
  }

  @Post('users')
  @AdminOnly()
  @ApiOperation({ summary: 'Create a user with role memberships per unit' })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() p: Principal) {
    return this.identity.createUser(dto, actorOf(p));
  }

  @Get('users/:id')
  @AdminOnly()
  get(@Param('id', new UuidPipe('id')) id: string) {
    return this.identity.getUser(id);
  }

  @Patch('users/:id')
  @AdminOnly()
  update(@Param('id', new UuidPipe('id')) id: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() p: Principal) {
    return this.identity.updateUser(id, dto, actorOf(p));
  }

  @Get('users/:id/tokens')
  @AdminOnly()
  @ApiOperation({ summary: 'A user’s API tokens (never their secrets), revoked ones included' })
  async tokens(@Param('id', new UuidPipe('id')) id: string) {
    return { items: await this.identity.listTokensOf(id) };
  }

  @Delete('users/:id/tokens/:tokenId')
  @AdminOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of a user’s API tokens (recorded in the audit log as the admin’s action)' })
  async revokeToken(@Param('id', new UuidPipe('id')) id: string, @Param('tokenId', new UuidPipe('tokenId')) tokenId: string, @CurrentPrincipal() p: Principal) {
    await this.identity.revokeToken(tokenId, id, actorOf(p));
  }

  @Get('units')
  @ApiOperation({ summary: 'The org units (BXDĐ, Đảng ủy UBND, UBND and its departments, MTTQ…)' })
  async units() {
    return { items: await this.identity.listUnits() };
  }

  @Put('units/:key')
  @AdminOnly()
  upsertUnit(@Param('key') key: string, @Body() dto: UpsertUnitDto, @CurrentPrincipal() p: Principal) {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(key)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'key must be an org unit key', { problems: [{ field: 'key', reason: 'lowercase letters, digits and dashes' }] });
    }
    return this.identity.upsertUnit({ key, name: dto.name, parentKey: dto.parentKey ?? null }, actorOf(p));
  }
}
