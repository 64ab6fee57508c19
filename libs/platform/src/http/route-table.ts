import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { match, type MatchFunction } from 'path-to-regexp';

/**
 * The app's HTTP routes, read from Nest's controller metadata (the same decorators the router is
 * built from, whatever HTTP framework serves them), so that rules about routes (405 with `Allow`,
 * the security fuzz) follow the code and no list is kept by hand. A global prefix or RouterModule
 * paths (neither is used here) would have to be added to the paths read.
 */

export interface HttpRoute {
  /** Upper case, as in RequestMethod: GET, POST, PUT, PATCH, DELETE, ALL… */
  method: string;
  /** Nest/path-to-regexp syntax: `/api/shows/:showId/seats`. */
  path: string;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '']);

const joinPath = (...parts: string[]): string => `/${parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;

/** A route with the controller class and handler it is served by, whose metadata describes it (openapi.ts). */
export interface HttpRouteHandler extends HttpRoute {
  controller: new (...args: never[]) => unknown;
  handler: (...args: never[]) => unknown;
}

/** Every route of every controller of the app with its controller and handler, sorted by path then method. */
export const discoverRouteHandlers = (app: INestApplicationContext): HttpRouteHandler[] => {
  const scanner = new MetadataScanner();
  const routes = new Map<string, HttpRouteHandler>();
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller?.prototype) continue;
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (paths === undefined) continue;
      const method = RequestMethod[(Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) ?? RequestMethod.GET];
      for (const prefix of prefixes) {
        for (const path of asList(paths)) {
          const route = { method, path: joinPath(prefix, path), controller, handler: handler as HttpRouteHandler['handler'] };
          routes.set(`${route.method} ${route.path}`, route);
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
};

/** Every route of every controller of the app, sorted by path then method. */
export const discoverRoutes = (app: INestApplicationContext): HttpRoute[] =>
  discoverRouteHandlers(app).map(({ method, path }) => ({ method, path }));

/** Which methods a request path is served with: the answer to a wrong method (405 and `Allow`). */
export class RouteTable {
  private readonly matchers: { method: string; matches: MatchFunction<object> }[];

  constructor(routes: readonly HttpRoute[]) {
    this.matchers = routes.map((route) => ({ method: route.method, matches: match(route.path, { decode: false }) }));
  }

  /**
   * The methods served at this path (HEAD wherever GET is), empty when no route has the path.
   * A route for ALL methods means any method is allowed.
   */
  allowedMethods(path: string): string[] {
    const methods = new Set<string>();
    for (const { method, matches } of this.matchers) if (matches(path)) methods.add(method);
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }

  /**
   * The `Allow` list when the path is served but not with this method; undefined when the method
   * is served or the path is unknown (404). OPTIONS is left to CORS and the framework.
   */
  refuses(method: string, path: string): string[] | undefined {
    if (method.toUpperCase() === 'OPTIONS') return undefined;
    const allowed = this.allowedMethods(path);
    if (allowed.length === 0 || allowed.includes('ALL') || allowed.includes(method.toUpperCase())) return undefined;
    return allowed;
  }
}
