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
    get ProblemDetailsSchema () {
        return ProblemDetailsSchema;
    },
    get ProblemFieldErrorSchema () {
        return ProblemFieldErrorSchema;
    }
});
const _swagger = require("@nestjs/swagger");
const _errors = require("./errors");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let ProblemFieldErrorSchema = class ProblemFieldErrorSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The field, as `card.number` or `seats[2]`.'
    }),
    _ts_metadata("design:type", String)
], ProblemFieldErrorSchema.prototype, "field", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ProblemFieldErrorSchema.prototype, "message", void 0);
ProblemFieldErrorSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ProblemFieldError'
    })
], ProblemFieldErrorSchema);
let ProblemDetailsSchema = class ProblemDetailsSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: '`urn:tessera:problem:<code in kebab case>`.',
        example: 'urn:tessera:problem:show-not-found'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'Not Found'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "title", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        example: 404
    }),
    _ts_metadata("design:type", Number)
], ProblemDetailsSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: Object.keys(_errors.ERROR_STATUS),
        description: 'Stable; what clients act on.'
    }),
    _ts_metadata("design:type", typeof ErrorCode === "undefined" ? Object : ErrorCode)
], ProblemDetailsSchema.prototype, "code", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "detail", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        required: false,
        description: 'The request path.'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "instance", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: ProblemFieldErrorSchema,
        isArray: true,
        required: false,
        description: 'With 400 VALIDATION_FAILED: what is wrong, field by field.'
    }),
    _ts_metadata("design:type", Array)
], ProblemDetailsSchema.prototype, "errors", void 0);
ProblemDetailsSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ProblemDetails'
    })
], ProblemDetailsSchema);

//# sourceMappingURL=errors.schema.js.map