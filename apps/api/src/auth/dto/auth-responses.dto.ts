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
