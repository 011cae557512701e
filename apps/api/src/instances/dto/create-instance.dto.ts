import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class CreateInstanceDto {
  @ApiProperty({ example: 'example-leave-request', description: 'Key of a published workflow definition' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'definitionKey must be a workflow key: lowercase letters, digits and dashes' })
  definitionKey!: string;

  @ApiPropertyOptional({ description: 'A published version; the newest when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'KN-2026-0001', description: 'Unique per definition, e.g. a dossier code' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^\S(.*\S)?$/, { message: 'businessKey must not start or end with white space' })
  businessKey?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "Validated against the definition's inputSchema" })
  @IsOptional()
  @IsObject()
  input?: Record<string, unknown>;

  @ApiPropertyOptional({
    default: false,
    description: "Take the case's first tasks that the caller may do (assigned to them at the start), as a clerk who registers a letter goes on to record it. The web app's new-case form sends true.",
  })
  @IsOptional()
  @IsIn([true, false])
  claimFirstTask?: boolean;
}
