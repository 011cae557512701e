import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

type Extra = { description?: string; nullable?: boolean };

/** Any JSON value: payloads, diffs, audit data. */
export const ANY_JSON = (extra: Extra = {}): ApiPropertyOptions =>
  ({
    description: 'any JSON value (null included)',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true, nullable: true }, { type: 'array', items: {} }],
    ...extra,
  }) as ApiPropertyOptions;

/** XState's state value: a state's name, or an object for nested and parallel states. */
export const STATE_VALUE = ({ nullable, ...extra }: Extra = {}): ApiPropertyOptions =>
  ({
    description: "XState's state value: a string, or an object for nested and parallel states",
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true, ...(nullable ? { nullable } : {}) }],
    ...extra,
  }) as ApiPropertyOptions;

/** A JSON object with any members (contexts, payloads, definition sources). */
export const JSON_OBJECT = (extra: Extra = {}): ApiPropertyOptions => ({ type: 'object', additionalProperties: true, ...extra }) as ApiPropertyOptions;

/** The one error body every endpoint answers (apps/api/src/common/error-response.ts). */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty({ example: 'INSTANCE_NOT_FOUND', description: 'A stable machine-readable code (docs/api.md#errors)' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional(JSON_OBJECT({ description: 'e.g. problems: [{ field, reason }], issues: [{ path, code, message }], allowedEvents, currentRevision' }))
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request' }) requestId?: string;
  @ApiPropertyOptional({ description: 'Only on a 500: the id under which the error was logged' }) errorId?: string;
}

/** A name in Vietnamese and English. */
export class LocalizedText {
  @ApiProperty({ example: 'Chờ lãnh đạo duyệt' }) vi!: string;
  @ApiProperty({ example: 'Awaiting approval' }) en!: string;
}

/** A problem found in a definition, an input or a payload, at a JSON pointer. */
export class IssueDto {
  @ApiProperty({ example: '/machine/states/a/on/GO', description: 'JSON pointer' }) path!: string;
  @ApiProperty({ example: 'unknown-target' }) code!: string;
  @ApiProperty() message!: string;
}
