import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode } from '#libs/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id must be a UUID: anything else is a 400 naming the parameter, not a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new DomainError(ErrorCode.ValidationFailed, `${this.field} must be a UUID`, { problems: [{ field: this.field, reason: 'must be a UUID' }] });
    }
    return value.toLowerCase();
  }
}
