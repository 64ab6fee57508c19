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
    get AdminUserListResponseSchema () {
        return AdminUserListResponseSchema;
    },
    get AdminUserSummarySchema () {
        return AdminUserSummarySchema;
    },
    get AdminUserViewSchema () {
        return AdminUserViewSchema;
    },
    get ChangeRolesResponseSchema () {
        return ChangeRolesResponseSchema;
    },
    get MeResponseSchema () {
        return MeResponseSchema;
    },
    get RegisterResponseSchema () {
        return RegisterResponseSchema;
    },
    get TokenResponseSchema () {
        return TokenResponseSchema;
    }
});
const _swagger = require("@nestjs/swagger");
const _roles = require("./roles");
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
/**
 * The response bodies of responses.ts as OpenAPI schemas (GET /openapi.json). Each class
 * implements its interface, so the compiler refuses a schema that lacks a field or types it
 * otherwise; test/openapi checks real responses against them.
 */ const POSITION = {
    description: 'Global log position of the change, a decimal string (also in `X-Position`).',
    pattern: '^\\d+$',
    example: '42'
};
let RegisterResponseSchema = class RegisterResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], RegisterResponseSchema.prototype, "userId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], RegisterResponseSchema.prototype, "position", void 0);
RegisterResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'RegisterResponse'
    })
], RegisterResponseSchema);
let TokenResponseSchema = class TokenResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Bearer token for `Authorization`.'
    }),
    _ts_metadata("design:type", String)
], TokenResponseSchema.prototype, "accessToken", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        required: false,
        description: 'Opaque and single use: presenting it again after the grace window revokes the whole session. Absent when the request asked for the `tessera_refresh` cookie (`X-Refresh-Cookie: 1`) or refreshed with it.'
    }),
    _ts_metadata("design:type", String)
], TokenResponseSchema.prototype, "refreshToken", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'Bearer'
        ]
    }),
    _ts_metadata("design:type", String)
], TokenResponseSchema.prototype, "tokenType", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        description: 'Access token lifetime in seconds.'
    }),
    _ts_metadata("design:type", Number)
], TokenResponseSchema.prototype, "expiresIn", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], TokenResponseSchema.prototype, "position", void 0);
TokenResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'TokenResponse'
    })
], TokenResponseSchema);
let MeResponseSchema = class MeResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], MeResponseSchema.prototype, "userId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], MeResponseSchema.prototype, "email", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], MeResponseSchema.prototype, "displayName", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _roles.ROLES,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], MeResponseSchema.prototype, "roles", void 0);
MeResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'MeResponse'
    })
], MeResponseSchema);
let ChangeRolesResponseSchema = class ChangeRolesResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], ChangeRolesResponseSchema.prototype, "userId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _roles.ROLES,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], ChangeRolesResponseSchema.prototype, "roles", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], ChangeRolesResponseSchema.prototype, "position", void 0);
ChangeRolesResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ChangeRolesResponse'
    })
], ChangeRolesResponseSchema);
let AdminUserSummarySchema = class AdminUserSummarySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], AdminUserSummarySchema.prototype, "userId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Normalised: NFC, trimmed, lower case.'
    }),
    _ts_metadata("design:type", String)
], AdminUserSummarySchema.prototype, "email", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], AdminUserSummarySchema.prototype, "displayName", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _roles.ROLES,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], AdminUserSummarySchema.prototype, "roles", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        description: 'When the account was registered.'
    }),
    _ts_metadata("design:type", String)
], AdminUserSummarySchema.prototype, "createdAt", void 0);
AdminUserSummarySchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'AdminUserSummary'
    })
], AdminUserSummarySchema);
let AdminUserListResponseSchema = class AdminUserListResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: AdminUserSummarySchema,
        isArray: true,
        description: 'Newest accounts first.'
    }),
    _ts_metadata("design:type", Array)
], AdminUserListResponseSchema.prototype, "items", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true,
        description: 'Pass as `cursor` for the next page; null on the last one.'
    }),
    _ts_metadata("design:type", Object)
], AdminUserListResponseSchema.prototype, "nextCursor", void 0);
AdminUserListResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'AdminUserListResponse'
    })
], AdminUserListResponseSchema);
let AdminUserViewSchema = class AdminUserViewSchema extends AdminUserSummarySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0,
        description: 'Bookings placed (held at least once), whatever became of them since.'
    }),
    _ts_metadata("design:type", Number)
], AdminUserViewSchema.prototype, "bookingsCount", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0,
        description: 'Tickets held now (valid or checked in).'
    }),
    _ts_metadata("design:type", Number)
], AdminUserViewSchema.prototype, "ticketsCount", void 0);
AdminUserViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'AdminUserView'
    })
], AdminUserViewSchema);

//# sourceMappingURL=responses.schema.js.map