import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService, IdentityService } from '#libs/identity';
import { actorOf, type Principal } from '#libs/core';
import { SignInLimit } from '../common/rate-limit.guard.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Public } from './auth.decorators.js';
import { ChangePasswordDto, CreateTokenDto, LoginDto } from './dto/auth.dto.js';
import { ApiEmpty, ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { AccessTokenDto, CreatedApiTokenDto, MeDto } from './dto/auth-responses.dto.js';
import { ApiTokenListDto } from '../users/dto/user-responses.dto.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly identity: IdentityService,
  ) {}

  @ApiJson(AccessTokenDto, { description: 'Signed in' })
  @ApiErrors(400, 401, 413, 429, 503)
  @Public()
  @SignInLimit()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Username and password -> a short-lived bearer token (JWT)', security: [] })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.username, dto.password, req.ip ?? null);
  }

  @SignedIn()
  @ApiJson(MeDto, { description: 'The user, their memberships and units' })
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user, with roles per unit' })
  async me(@CurrentPrincipal() p: Principal) {
    const user = await this.identity.getUser(p.userId);
    const units = await this.identity.listUnits();
    return { ...user, units: units.filter((u) => user.memberships.some((m) => m.unit === u.key)) };
  }

  @SignedIn()
  @ApiJson(AccessTokenDto, { description: 'Changed; a new access token (every other session ended)' })
  @ApiErrors(400, 403, 413, 429)
  @Post('me/password')
  @SignInLimit()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change one’s own password (the current one is required); ends every other session and API token, answers a new access token' })
  changePassword(@CurrentPrincipal() p: Principal, @Body() dto: ChangePasswordDto, @Req() req: Request) {
    return this.auth.changePassword(p, dto.currentPassword, dto.newPassword, req.ip ?? null);
  }

  @SignedIn()
  @ApiOperation({ summary: 'My API tokens (never their secrets), revoked ones included' })
  @ApiJson(ApiTokenListDto, { description: 'The tokens' })
  @Get('me/tokens')
  async tokens(@CurrentPrincipal() p: Principal) {
    return { items: await this.identity.listTokens(p.userId) };
  }

  @SignedIn()
  @ApiJson(CreatedApiTokenDto, { status: 201, description: 'The token, with its secret shown this once' })
  @ApiErrors(400, 403, 413, 429)
  @Post('me/tokens')
  @ApiOperation({ summary: 'A new API token for integrations; the secret is shown once' })
  createToken(@CurrentPrincipal() p: Principal, @Body() dto: CreateTokenDto) {
    return this.identity.createToken(p.userId, dto.name, dto.expiresAt ? new Date(dto.expiresAt) : null);
  }

  @SignedIn()
  @ApiOperation({ summary: 'Revoke one of my API tokens' })
  @ApiEmpty('Revoked')
  @ApiErrors(400, 403, 404, 413, 429)
  @Delete('me/tokens/:id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('id')) id: string) {
    await this.identity.revokeToken(id, p.userId, actorOf(p));
  }
}
