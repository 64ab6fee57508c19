import { HttpException, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';

/** Shape errors from the edge: 400 VALIDATION_FAILED with `errors: [{ field, message }]`. */
export class ValidationFailedException extends HttpException {
  constructor(readonly errors: { field: string; message: string }[]) {
    super('VALIDATION_FAILED', HttpStatus.BAD_REQUEST);
  }
}

export const flattenValidationErrors = (
  errors: ValidationError[],
  parent = '',
): { field: string; message: string }[] =>
  errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator phrases whitelist violations as "property x should not exist".
      message: message.startsWith(`property ${error.property} `) ? 'is not allowed' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });

/** The global pipe: unknown or extra properties are rejected, types are transformed. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
