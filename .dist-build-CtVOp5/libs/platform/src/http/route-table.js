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
    get RouteTable () {
        return RouteTable;
    },
    get discoverRouteHandlers () {
        return discoverRouteHandlers;
    },
    get discoverRoutes () {
        return discoverRoutes;
    }
});
const _common = require("@nestjs/common");
const _constants = require("@nestjs/common/constants");
const _core = require("@nestjs/core");
const _pathtoregexp = require("path-to-regexp");
const asList = (value)=>Array.isArray(value) ? value.map(String) : [
        typeof value === 'string' ? value : ''
    ];
const joinPath = (...parts)=>`/${parts.map((part)=>part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
const discoverRouteHandlers = (app)=>{
    const scanner = new _core.MetadataScanner();
    const routes = new Map();
    for (const wrapper of new _core.DiscoveryService(app.get(_core.ModulesContainer)).getControllers()){
        const controller = wrapper.metatype;
        if (!controller?.prototype) continue;
        const prefixes = asList(Reflect.getMetadata(_constants.PATH_METADATA, controller));
        for (const name of scanner.getAllMethodNames(controller.prototype)){
            const handler = controller.prototype[name];
            if (typeof handler !== 'function') continue;
            const paths = Reflect.getMetadata(_constants.PATH_METADATA, handler);
            if (paths === undefined) continue;
            const method = _common.RequestMethod[Reflect.getMetadata(_constants.METHOD_METADATA, handler) ?? _common.RequestMethod.GET];
            for (const prefix of prefixes){
                for (const path of asList(paths)){
                    const route = {
                        method,
                        path: joinPath(prefix, path),
                        controller,
                        handler: handler
                    };
                    routes.set(`${route.method} ${route.path}`, route);
                }
            }
        }
    }
    return [
        ...routes.values()
    ].sort((a, b)=>a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
};
const discoverRoutes = (app)=>discoverRouteHandlers(app).map(({ method, path })=>({
            method,
            path
        }));
let RouteTable = class RouteTable {
    constructor(routes){
        this.matchers = routes.map((route)=>({
                method: route.method,
                matches: (0, _pathtoregexp.match)(route.path, {
                    decode: false
                })
            }));
    }
    /**
   * The methods served at this path (HEAD wherever GET is), empty when no route has the path.
   * A route for ALL methods means any method is allowed.
   */ allowedMethods(path) {
        const methods = new Set();
        for (const { method, matches } of this.matchers)if (matches(path)) methods.add(method);
        if (methods.has('GET')) methods.add('HEAD');
        return [
            ...methods
        ].sort();
    }
    /**
   * The `Allow` list when the path is served but not with this method; undefined when the method
   * is served or the path is unknown (404). OPTIONS is left to CORS and the framework.
   */ refuses(method, path) {
        if (method.toUpperCase() === 'OPTIONS') return undefined;
        const allowed = this.allowedMethods(path);
        if (allowed.length === 0 || allowed.includes('ALL') || allowed.includes(method.toUpperCase())) return undefined;
        return allowed;
    }
};

//# sourceMappingURL=route-table.js.map