import { ApiProperty } from '@nestjs/swagger';
import { LocalizedText } from '../../common/dto/common.dto.js';

export class MembershipView {
  @ApiProperty({ example: 'can-bo-tiep-dan' }) role!: string;
  @ApiProperty({ example: 'bo-phan-tiep-cong-dan' }) unit!: string;
}

export class UnitDto {
  @ApiProperty({ example: 'ubnd' }) key!: string;
  @ApiProperty({ type: LocalizedText }) name!: LocalizedText;
  @ApiProperty({ type: 'string', nullable: true }) parentKey!: string | null;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
}

export class PersonDto {
  @ApiProperty({ example: 'can-bo-tiep-dan-1', description: 'The user id that history, tasks and cases name' }) username!: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) displayName!: string;
}

export class PeopleDto {
  @ApiProperty({ type: [PersonDto] }) items!: PersonDto[];
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'nguyen.van.a' }) username!: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) displayName!: string;
  @ApiProperty({ type: 'string', format: 'email', nullable: true, description: 'Where the user\'s e-mail goes; null: none' }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
}

/** An API token as listed: never its secret. */
export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class ApiTokenListDto {
  @ApiProperty({ type: [ApiTokenDto] }) items!: ApiTokenDto[];
}
