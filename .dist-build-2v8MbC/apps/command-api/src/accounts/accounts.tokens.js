"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "tokenResponse", {
    enumerable: true,
    get: function() {
        return tokenResponse;
    }
});
const tokenResponse = async (tokens, subject, refreshToken, position)=>{
    const access = await tokens.issueAccessToken(subject);
    return {
        accessToken: access.accessToken,
        refreshToken,
        tokenType: 'Bearer',
        expiresIn: access.expiresIn,
        position: String(position)
    };
};

//# sourceMappingURL=accounts.tokens.js.map