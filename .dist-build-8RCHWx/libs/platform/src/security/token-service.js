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
    get ACCESS_TOKEN_ALGORITHM () {
        return ACCESS_TOKEN_ALGORITHM;
    },
    get ACCESS_TOKEN_TTL_SECONDS () {
        return ACCESS_TOKEN_TTL_SECONDS;
    },
    get ACCESS_TOKEN_TYPE () {
        return ACCESS_TOKEN_TYPE;
    },
    get CLOCK_TOLERANCE_SECONDS () {
        return CLOCK_TOLERANCE_SECONDS;
    },
    get MIN_SECRET_BYTES () {
        return MIN_SECRET_BYTES;
    },
    get REFRESH_TOKEN_TTL_SECONDS () {
        return REFRESH_TOKEN_TTL_SECONDS;
    },
    get STREAM_TOKEN_TYPE () {
        return STREAM_TOKEN_TYPE;
    },
    get TokenService () {
        return TokenService;
    },
    get createTokenService () {
        return createTokenService;
    }
});
const _nodecrypto = require("node:crypto");
const _contracts = require("../../../contracts/src");
const _domain = require("../../../domain/src");
const _jose = require("jose");
const _clock = require("../time/clock");
const _keyring = require("./key-ring");
const _refreshtoken = require("./refresh-token");
const ACCESS_TOKEN_ALGORITHM = 'HS256';
const ACCESS_TOKEN_TYPE = 'at+jwt';
const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const STREAM_TOKEN_TYPE = 'stream+jwt';
const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 5;
const MIN_SECRET_BYTES = 32;
const unauthenticated = ()=>new _domain.DomainError('UNAUTHENTICATED', 'a valid access token is required');
/**
 * Tokens already verified, so a client's next request skips the signature check (WebCrypto's
 * HMAC is the dearest part of a small request). A hit is the exact token string that verified,
 * and its expiry is checked again on every use. Bounded: the oldest entry goes first.
 */ const VERIFIED_TOKENS_CAPACITY = 10_000;
let TokenService = class TokenService {
    constructor(options){
        this.options = options;
        this.keyObjects = new Map();
        this.verified = new Map();
        if (options.secret.byteLength < MIN_SECRET_BYTES) {
            throw new Error(`the access token secret must be at least ${MIN_SECRET_BYTES} bytes`);
        }
        this.keys = new _keyring.KeyRing('access-token', options.secret, options.verificationSecrets ?? [], MIN_SECRET_BYTES);
        for (const { kid, key } of this.keys.all)this.keyObjects.set(kid, (0, _nodecrypto.createSecretKey)(key));
        this.clock = options.clock ?? new _clock.SystemClock();
        this.accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
        this.refreshTokenTtlSeconds = options.refreshTokenTtlSeconds ?? REFRESH_TOKEN_TTL_SECONDS;
    }
    /** `epoch`: the account's token epoch as the issuer read it (auth/token-epochs.ts), 0 by default. */ async issueAccessToken(subject) {
        const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
        const tokenId = (0, _nodecrypto.randomUUID)();
        const accessToken = await new _jose.SignJWT({
            roles: [
                ...subject.roles
            ],
            epoch: subject.epoch ?? 0
        }).setProtectedHeader({
            alg: ACCESS_TOKEN_ALGORITHM,
            typ: ACCESS_TOKEN_TYPE,
            kid: this.keys.signing.kid
        }).setIssuer(this.options.issuer).setAudience(this.options.audience).setSubject(subject.userId).setJti(tokenId).setIssuedAt(issuedAt).setNotBefore(issuedAt).setExpirationTime(issuedAt + this.accessTokenTtlSeconds).sign(this.keyObjects.get(this.keys.signing.kid));
        return {
            accessToken,
            expiresIn: this.accessTokenTtlSeconds,
            tokenId
        };
    }
    /** The bearer of a valid access token; anything else throws DomainError UNAUTHENTICATED. */ async verifyAccessToken(token) {
        if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw unauthenticated();
        const known = this.verified.get(token);
        if (known) {
            if (known.expiresAt.getTime() + CLOCK_TOLERANCE_SECONDS * 1000 > this.clock.now().getTime()) return {
                ...known,
                roles: [
                    ...known.roles
                ]
            };
            this.verified.delete(token);
            throw unauthenticated();
        }
        const principal = await this.verifySignedToken(token);
        if (this.verified.size >= VERIFIED_TOKENS_CAPACITY) this.verified.delete(this.verified.keys().next().value);
        this.verified.set(token, principal);
        return {
            ...principal,
            roles: [
                ...principal.roles
            ]
        };
    }
    /** The keys a token may be signed with: the one its `kid` names (none if no longer held), or all for a token without one. */ candidateKeys(token) {
        let kid;
        try {
            ({ kid } = (0, _jose.decodeProtectedHeader)(token));
        } catch  {
            throw unauthenticated();
        }
        if (kid === undefined) return [
            ...this.keyObjects.values()
        ];
        const key = typeof kid === 'string' ? this.keyObjects.get(kid) : undefined;
        return key ? [
            key
        ] : [];
    }
    async verifySignedToken(token, typ = ACCESS_TOKEN_TYPE, audience = this.options.audience) {
        let payload;
        for (const key of this.candidateKeys(token)){
            try {
                ({ payload } = await (0, _jose.jwtVerify)(token, key, {
                    algorithms: [
                        ACCESS_TOKEN_ALGORITHM
                    ],
                    typ,
                    issuer: this.options.issuer,
                    audience,
                    requiredClaims: [
                        'sub',
                        'jti',
                        'iat',
                        'exp'
                    ],
                    clockTolerance: CLOCK_TOLERANCE_SECONDS,
                    currentDate: this.clock.now()
                }));
                break;
            } catch  {
            // the next candidate, if any
            }
        }
        if (!payload) throw unauthenticated();
        const { sub, jti, exp, roles, epoch = 0 } = payload;
        if (typeof sub !== 'string' || sub.length === 0 || typeof jti !== 'string' || typeof exp !== 'number') {
            throw unauthenticated();
        }
        if (!Array.isArray(roles) || roles.length === 0 || !roles.every(_contracts.isRole)) throw unauthenticated();
        if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || epoch < 0) throw unauthenticated();
        return {
            userId: sub,
            roles: [
                ...roles
            ],
            tokenId: jti,
            expiresAt: new Date(exp * 1000),
            epoch
        };
    }
    /** A short-lived stream token for the user (see STREAM_TOKEN_TYPE). */ async issueStreamToken(subject, ttlSeconds) {
        const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
        const tokenId = (0, _nodecrypto.randomUUID)();
        const accessToken = await new _jose.SignJWT({
            roles: [
                ...subject.roles
            ],
            epoch: subject.epoch ?? 0
        }).setProtectedHeader({
            alg: ACCESS_TOKEN_ALGORITHM,
            typ: STREAM_TOKEN_TYPE,
            kid: this.keys.signing.kid
        }).setIssuer(this.options.issuer).setAudience(`${this.options.audience}:stream`).setSubject(subject.userId).setJti(tokenId).setIssuedAt(issuedAt).setNotBefore(issuedAt).setExpirationTime(issuedAt + ttlSeconds).sign(this.keyObjects.get(this.keys.signing.kid));
        return {
            accessToken,
            expiresIn: ttlSeconds,
            tokenId,
            expiresAt: new Date((issuedAt + ttlSeconds) * 1000)
        };
    }
    /** The bearer of a valid (signed, unexpired) stream token; anything else throws UNAUTHENTICATED. Not cached: each is used once. */ verifyStreamToken(token) {
        if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return Promise.reject(unauthenticated());
        return this.verifySignedToken(token, STREAM_TOKEN_TYPE, `${this.options.audience}:stream`);
    }
    /** A refresh token for a new family (login) or the next one of `familyId` (rotation). */ issueRefreshToken(familyId) {
        const minted = (0, _refreshtoken.mintRefreshToken)(familyId);
        const expiresAt = new Date(this.clock.now().getTime() + this.refreshTokenTtlSeconds * 1000).toISOString();
        return {
            ...minted,
            expiresAt
        };
    }
    /** Family id and hash of a presented refresh token, or null when it is not one of ours in shape. */ parseRefreshToken(token) {
        return (0, _refreshtoken.parseRefreshToken)(token);
    }
};
const createTokenService = (config)=>{
    const issuer = config.issuer ?? 'tessera';
    const audience = config.audience ?? 'tessera-api';
    if (config.secret === undefined || config.secret === '') {
        if (config.production) {
            throw new Error('JWT_SECRET must be set in production: refusing to start with a generated signing key');
        }
        config.logger.warn('JWT_SECRET is not set: generated a random development signing key for access tokens. ' + 'Tokens will not survive a restart or work across processes; set JWT_SECRET (at least 32 bytes) outside development.');
        return new TokenService({
            secret: (0, _nodecrypto.randomBytes)(MIN_SECRET_BYTES),
            verificationSecrets: (0, _keyring.keysFromList)(config.verificationSecrets),
            issuer,
            audience,
            clock: config.clock,
            accessTokenTtlSeconds: config.accessTokenTtlSeconds
        });
    }
    const secret = Buffer.from(config.secret, 'utf8');
    if (secret.byteLength < MIN_SECRET_BYTES) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
    return new TokenService({
        secret,
        verificationSecrets: (0, _keyring.keysFromList)(config.verificationSecrets),
        issuer,
        audience,
        clock: config.clock,
        accessTokenTtlSeconds: config.accessTokenTtlSeconds
    });
};

//# sourceMappingURL=token-service.js.map