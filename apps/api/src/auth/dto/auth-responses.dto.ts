import { ApiProperty } from '@nestjs/swagger';
import { UnitDto, UserDto } from '../../users/dto/user-responses.dto.js';

export class AccessTokenDto {
  @ApiProperty({ description: 'A JWT to send as Authorization: Bearer …' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until it expires' }) expiresIn!: number;
}

/** The signed-in user, with the units they belong to. */
export class MeDto extends UserDto {
  @ApiProperty({ type: [UnitDto] }) units!: UnitDto[];
}

/** A new API token: the secret is shown this once. */
export class CreatedApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'php_…', description: 'The secret, shown once; stored hashed' }) token!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt!: string | null;
}

/** A running sign-in session (never its refresh token). */
export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['password', 'oidc'], description: 'How the user signed in' }) method!: 'password' | 'oidc';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Last renewed' }) lastUsedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Ends unless renewed before' }) idleExpiresAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Ends at the latest (absolute lifetime)' }) expiresAt!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'Address at sign-in' }) ip!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Browser at sign-in' }) userAgent!: string | null;
  @ApiProperty({ description: 'The session of this request' }) current!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items!: SessionDto[];
}
