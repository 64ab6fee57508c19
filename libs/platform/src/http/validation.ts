import { HttpException, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, useContainer, type ValidatorOptions } from 'class-validator';

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
    // An absent field fails every rule it has ("must be longer than…", "must be a string"): one
    // message says what is wrong. A JSON body cannot hold undefined, so undefined is absent; null
    // counts as absent too, as @IsOptional reads it.
    if (error.constraints && (error.value === undefined || error.value === null) && !('whitelistValidation' in error.constraints)) {
      return [{ field, message: 'is required' }];
    }
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator phrases whitelist violations as "property x should not exist".
      message: message.startsWith(`property ${error.property} `) ? 'is not allowed' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });

const shapeError = (property: string, value: unknown, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError =>
  ({ property, value, constraints, children });

/**
 * Where a DTO expects nested objects (@ValidateNested, one or each), an array stands instead.
 * class-validator walks into such an array and validates its items, so `sections: [[]]` passed
 * every rule and reached the handler as an array of arrays (a TypeError, 500). Generic over every
 * DTO: it reads the same decorator metadata class-validator uses.
 */
export const findArraysWhereObjectsAreExpected = (instance: object): ValidationError[] => {
  const errors: ValidationError[] = [];
  for (const { propertyName, each } of nestedPropertiesOf(instance.constructor)) {
    const value = (instance as Record<string, unknown>)[propertyName];
    if (value === null || value === undefined) continue;
    const items: [string | undefined, unknown][] = each && Array.isArray(value) ? value.map((item, index) => [String(index), item]) : [[undefined, value]];
    const children: ValidationError[] = [];
    let own: Record<string, string> | undefined;
    for (const [index, item] of items) {
      if (Array.isArray(item)) {
        if (index === undefined) own = { isObject: 'must be an object' };
        else children.push(shapeError(index, item, { isObject: 'must be an object' }));
      } else if (typeof item === 'object' && item !== null) {
        const deeper = findArraysWhereObjectsAreExpected(item);
        if (deeper.length > 0) {
          if (index === undefined) children.push(...deeper);
          else children.push(shapeError(index, item, undefined, deeper));
        }
      }
    }
    if (own || children.length > 0) errors.push(shapeError(propertyName, value, own, children));
  }
  return errors;
};

/**
 * A DTO class's @ValidateNested properties, read from class-validator's metadata once per class:
 * the decorators registered them when the class was defined, and the lookup walks every
 * validation rule of the class, which is too much to repeat for each request body.
 */
const nestedProperties = new WeakMap<object, readonly { propertyName: string; each: boolean }[]>();
const nestedPropertiesOf = (target: object): readonly { propertyName: string; each: boolean }[] => {
  let found = nestedProperties.get(target);
  if (!found) {
    const nested = getMetadataStorage()
      .getTargetValidationMetadatas(target as new () => object, '', true, false)
      .filter((metadata) => metadata.type === 'nestedValidation');
    found = [...new Map(nested.map((m) => [m.propertyName, { propertyName: m.propertyName, each: m.each }])).values()];
    nestedProperties.set(target, found);
  }
  return found;
};

/** The ValidationPipe, also refusing arrays where nested objects are expected. */
class ShapeValidationPipe extends ValidationPipe {
  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...findArraysWhereObjectsAreExpected(object)];
  }
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = MetadataStorage['getTargetValidationMetadatas'];

let cachingRules = false;

/**
 * class-validator (0.15) works out a DTO's rules afresh for every object it validates, and for a
 * class's inherited rules tries `instanceof` against every DTO class of the app; each rule then
 * finds its validator instance by a linear search of its default container. Under saturated holds
 * that was about 1.5% of the server's time, for answers that never change once the classes are
 * defined. So the rules of a class are kept per (class, schema, options) until a decorator adds a
 * rule or constraint (then all are dropped), frozen so that nothing can change them in passing;
 * validator instances come from a Map, through class-validator's own `useContainer`.
 */
export const installValidationRuleCache = (): void => {
  if (cachingRules) return;
  cachingRules = true;
  const storage = getMetadataStorage();
  const lookUp: TargetMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new WeakMap<object, Map<string, ReturnType<TargetMetadatas>>>();
  const forget = <A extends unknown[]>(add: (...args: A) => void) =>
    function (this: MetadataStorage, ...args: A): void {
      cache = new WeakMap();
      add.apply(this, args);
    };
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forget(storage.addConstraintMetadata.bind(storage));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = cache.get(target);
    if (!byOptions) cache.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = Object.freeze(lookUp(target, schema, always, strictGroups, groups)) as ReturnType<TargetMetadatas>));
    return rules;
  };
  const validators = new Map<unknown, unknown>();
  useContainer({
    get: <T>(type: new () => T): T => {
      let validator = validators.get(type) as T | undefined;
      if (!validator) validators.set(type, (validator = new type()));
      return validator;
    },
  });
};

/** The global pipe: unknown or extra properties are rejected, types are transformed. */
export const createValidationPipe = (): ValidationPipe => {
  installValidationRuleCache();
  return new ShapeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    // Values are kept so that an absent field can be told apart; they never leave the server.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
};
