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
    get AccessTokenVerifier () {
        return AccessTokenVerifier;
    },
    get AuthGuard () {
        return AuthGuard;
    },
    get CurrentUser () {
        return CurrentUser;
    },
    get Public () {
        return Public;
    },
    get Roles () {
        return Roles;
    },
    get accessOf () {
        return accessOf;
    },
    get commandContextOf () {
        return commandContextOf;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _domain = require("../../../domain/src");
const _nodecrypto = require("node:crypto");
const _tokenepochs = require("./token-epochs");
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
let AccessTokenVerifier = class AccessTokenVerifier {
};
const PUBLIC = 'tessera:public';
const ROLES = 'tessera:roles';
const Public = ()=>(0, _common.SetMetadata)(PUBLIC, true);
const Roles = (...roles)=>(0, _common.SetMetadata)(ROLES, roles);
const accessOf = (handler, controller)=>{
    const reflector = new _core.Reflector();
    return {
        public: reflector.getAllAndOverride(PUBLIC, [
            handler,
            controller
        ]) === true,
        roles: reflector.getAllAndOverride(ROLES, [
            handler,
            controller
        ]) ?? []
    };
};
const BEARER = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/;
let AuthGuard = class AuthGuard {
    constructor(reflector, verifier, epochs){
        this.reflector = reflector;
        this.verifier = verifier;
        this.epochs = epochs;
    }
    async canActivate(context) {
        if (context.getType() !== 'http') return true;
        const targets = [
            context.getHandler(),
            context.getClass()
        ];
        const req = context.switchToHttp().getRequest();
        const isPublic = this.reflector.getAllAndOverride(PUBLIC, targets);
        const header = req.headers.authorization;
        if (isPublic) {
            // A public route still knows its caller when a valid token is sent (idempotency, audit).
            if (header) req.user = await this.verify(header).catch(()=>undefined);
            return true;
        }
        if (!header) throw new _domain.DomainError('UNAUTHENTICATED', 'Sign in: send Authorization: Bearer <accessToken>.');
        req.user = await this.verify(header);
        const roles = this.reflector.getAllAndOverride(ROLES, targets);
        if (roles?.length && !roles.some((role)=>req.user?.roles.includes(role))) {
            throw new _domain.DomainError('FORBIDDEN', 'Your role does not allow this.');
        }
        return true;
    }
    async verify(header) {
        const match = BEARER.exec(header);
        if (!match) throw new _domain.DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <accessToken>".');
        let user;
        try {
            user = await this.verifier.verifyAccessToken(match[1]);
        } catch  {
            throw new _domain.DomainError('UNAUTHENTICATED', 'The access token is not valid.');
        }
        if (!this.epochs.isCurrent(user.userId, user.epoch ?? 0)) {
            throw new _domain.DomainError('UNAUTHENTICATED', 'The access token was ended by a sign-out or a role change: refresh it or sign in again.');
        }
        return user;
    }
};
AuthGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _core.Reflector === "undefined" ? Object : _core.Reflector,
        typeof AccessTokenVerifier === "undefined" ? Object : AccessTokenVerifier,
        typeof _tokenepochs.TokenEpochs === "undefined" ? Object : _tokenepochs.TokenEpochs
    ])
], AuthGuard);
const CurrentUser = (0, _common.createParamDecorator)((_data, context)=>{
    return context.switchToHttp().getRequest().user;
});
const commandContextOf = (req, clock)=>({
        actorId: req.user?.userId ?? 'anonymous',
        correlationId: req.id !== undefined ? String(req.id) : (0, _nodecrypto.randomUUID)(),
        causationId: req.commandId ?? (0, _nodecrypto.randomUUID)(),
        now: clock.now()
    });

//# sourceMappingURL=auth.js.map