"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "installLeanInterceptorChain", {
    enumerable: true,
    get: function() {
        return installLeanInterceptorChain;
    }
});
const _interceptorsconsumer = require("@nestjs/core/interceptors/interceptors-consumer");
const _rxjs = require("rxjs");
let installed = false;
const installLeanInterceptorChain = ()=>{
    if (installed) return;
    installed = true;
    const lean = async function(interceptors, args, instance, callback, next, type) {
        if (!interceptors || interceptors.length === 0) return next();
        const context = this.createContext(args, instance, callback);
        context.setType(type);
        const nextFn = async (i = 0)=>{
            if (i >= interceptors.length) return (0, _rxjs.defer)(()=>this.transformDeferred(next));
            const handler = {
                handle: ()=>(0, _rxjs.defer)(()=>nextFn(i + 1)).pipe((0, _rxjs.mergeAll)())
            };
            return interceptors[i].intercept(context, handler);
        };
        return (0, _rxjs.defer)(()=>nextFn()).pipe((0, _rxjs.mergeAll)());
    };
    _interceptorsconsumer.InterceptorsConsumer.prototype.intercept = lean;
};

//# sourceMappingURL=interceptor-chain.js.map