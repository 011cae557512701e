import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SsoMethodDto {
  @ApiProperty({ type: 'string', nullable: true, description: 'The provider’s name for the button (OIDC_DISPLAY_NAME); null: the page’s own words' }) displayName!: string | null;
  @ApiProperty({ example: '/api/v1/auth/oidc/start', description: 'Where the button leads (add ?returnTo=/path to come back to a page)' }) startUrl!: string;
}

/** How the sign-in page may sign people in. */
export class AuthMethodsDto {
  @ApiProperty({ description: 'Username and password (false when LOCAL_PASSWORDS=off)' }) password!: boolean;
  @ApiProperty({ type: SsoMethodDto, nullable: true, description: 'Single sign-on through the city’s OpenID Connect provider; null when not configured' }) sso!: SsoMethodDto | null;
}

export class OidcStartQueryDto {
  @ApiPropertyOptional({ example: '/cases', description: 'A path of the web app to land on after signing in (same origin: starts with one /)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  returnTo?: string;
}
