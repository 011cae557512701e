import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested, IsObject, ValidateIf } from 'class-validator';

export class MembershipDto {
  @ApiProperty({ example: 'can-bo-tiep-dan' })
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'role must be a role name' })
  role!: string;

  @ApiProperty({ example: 'bo-phan-tiep-cong-dan' })
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'unit must be an org unit key' })
  unit!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'nguyen.van.a' })
  @IsString()
  username!: string;

  @ApiProperty({ example: 'Nguyễn Văn A' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({ type: 'string', format: 'email', nullable: true, example: 'nguyen.van.a@anphong.gov.vn', description: 'Where the user\'s e-mail goes (docs/notifications.md, "E-mail"); none by default' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  password?: string;

  @ApiProperty({ type: [MembershipDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships!: MembershipDto[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() password?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;

  @ApiPropertyOptional({ type: 'string', format: 'email', nullable: true, description: 'A new address, or null to stop mail to the user' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ type: [MembershipDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships?: MembershipDto[];
}

export class LabelDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) vi!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(300) en!: string;
}

export class UpsertUnitDto {
  @ApiProperty({ type: LabelDto })
  @IsObject({ message: 'name must be an object { vi, en }' })
  @ValidateNested()
  @Type(() => LabelDto)
  name!: LabelDto;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'parentKey must be an org unit key' })
  parentKey?: string;
}
