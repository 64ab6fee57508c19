"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get ValidationFailedException () {
        return ValidationFailedException;
    },
    get createValidationPipe () {
        return createValidationPipe;
    },
    get findArraysWhereObjectsAreExpected () {
        return findArraysWhereObjectsAreExpected;
    },
    get flattenValidationErrors () {
        return flattenValidationErrors;
    }
});
const _common = require("@nestjs/common");
const _classvalidator = require("class-validator");
let ValidationFailedException = class ValidationFailedException extends _common.HttpException {
    constructor(errors){
        super('VALIDATION_FAILED', _common.HttpStatus.BAD_REQUEST), this.errors = errors;
    }
};
const flattenValidationErrors = (errors, parent = '')=>errors.flatMap((error)=>{
        const field = parent ? /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}` : error.property;
        // An absent field fails every rule it has ("must be longer than…", "must be a string"): one
        // message says what is wrong. A JSON body cannot hold undefined, so undefined is absent; null
        // counts as absent too, as @IsOptional reads it.
        if (error.constraints && (error.value === undefined || error.value === null) && !('whitelistValidation' in error.constraints)) {
            return [
                {
                    field,
                    message: 'is required'
                }
            ];
        }
        const own = Object.values(error.constraints ?? {}).map((message)=>({
                field,
                // class-validator phrases whitelist violations as "property x should not exist".
                message: message.startsWith(`property ${error.property} `) ? 'is not allowed' : message.replace(new RegExp(`^${error.property} `), '')
            }));
        return [
            ...own,
            ...flattenValidationErrors(error.children ?? [], field)
        ];
    });
const shapeError = (property, value, constraints, children = [])=>({
        property,
        value,
        constraints,
        children
    });
const findArraysWhereObjectsAreExpected = (instance)=>{
    const errors = [];
    for (const { propertyName, each } of nestedPropertiesOf(instance.constructor)){
        const value = instance[propertyName];
        if (value === null || value === undefined) continue;
        const items = each && Array.isArray(value) ? value.map((item, index)=>[
                String(index),
                item
            ]) : [
            [
                undefined,
                value
            ]
        ];
        const children = [];
        let own;
        for (const [index, item] of items){
            if (Array.isArray(item)) {
                if (index === undefined) own = {
                    isObject: 'must be an object'
                };
                else children.push(shapeError(index, item, {
                    isObject: 'must be an object'
                }));
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
 */ const nestedProperties = new WeakMap();
const nestedPropertiesOf = (target)=>{
    let found = nestedProperties.get(target);
    if (!found) {
        const nested = (0, _classvalidator.getMetadataStorage)().getTargetValidationMetadatas(target, '', true, false).filter((metadata)=>metadata.type === 'nestedValidation');
        found = [
            ...new Map(nested.map((m)=>[
                    m.propertyName,
                    {
                        propertyName: m.propertyName,
                        each: m.each
                    }
                ])).values()
        ];
        nestedProperties.set(target, found);
    }
    return found;
};
/** The ValidationPipe, also refusing arrays where nested objects are expected. */ let ShapeValidationPipe = class ShapeValidationPipe extends _common.ValidationPipe {
    async validate(object, validatorOptions) {
        const errors = await super.validate(object, validatorOptions);
        return [
            ...errors,
            ...findArraysWhereObjectsAreExpected(object)
        ];
    }
};
const createValidationPipe = ()=>new ShapeValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        transform: true,
        stopAtFirstError: false,
        // Values are kept so that an absent field can be told apart; they never leave the server.
        validationError: {
            target: false,
            value: true
        },
        exceptionFactory: (errors)=>new ValidationFailedException(flattenValidationErrors(errors))
    });

//# sourceMappingURL=validation.js.map