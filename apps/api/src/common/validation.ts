import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldProblem } from '#libs/core';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelisting DTO validation whose failures name each field and reason in the common error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new DomainError(ErrorCode.ValidationFailed, problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { problems });
    },
  });
}
