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
    get IsTrustedProxyList () {
        return IsTrustedProxyList;
    },
    get trustedProxyProblem () {
        return trustedProxyProblem;
    }
});
const _classvalidator = require("class-validator");
const _proxyaddr = /*#__PURE__*/ _interop_require_default(require("proxy-addr"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const trustedProxyProblem = (list)=>{
    if (!Array.isArray(list) || list.length === 0 || !list.every((item)=>typeof item === 'string')) {
        return 'must be a comma-separated list of proxy addresses or CIDRs';
    }
    try {
        _proxyaddr.default.compile(list);
        return null;
    } catch (error) {
        return `must be a comma-separated list of proxy addresses or CIDRs: ${error.message}`;
    }
};
const IsTrustedProxyList = (options)=>(0, _classvalidator.ValidateBy)({
        name: 'isTrustedProxyList',
        validator: {
            validate: (value)=>trustedProxyProblem(value) === null,
            defaultMessage: (args)=>`${args?.property ?? 'TRUST_PROXY'} ${trustedProxyProblem(args?.value) ?? 'is invalid'}`
        }
    }, options);

//# sourceMappingURL=trusted-proxies.js.map