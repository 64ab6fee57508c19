import type { NestInterceptor } from '@nestjs/common';
import { InterceptorsConsumer } from '@nestjs/core/interceptors/interceptors-consumer';
import { defer, mergeAll, type Observable } from 'rxjs';

/**
 * Nest's interceptor chain without its two `AsyncResource.bind` calls per request
 * (@nestjs/core 11, interceptors/interceptors-consumer.js: one around each `next.handle()` and one
 * around the handler). Each call makes an AsyncResource and a bound function carrying two
 * `deprecate()` wrappers (DEP0172, its `asyncResource` property): about 1–3 µs and several
 * objects per call on this machine, paid by every request, since the idempotency interceptor is
 * global — the profile put it at 1.8% of a hold.
 *
 * The bind exists to run the rest of the chain in the AsyncLocalStorage context of the caller of
 * `next.handle()` when an interceptor subscribes from elsewhere (a timer, a shared subject).
 * Nothing here reads an AsyncLocalStorage store on the request path (nestjs-pino's per-request
 * middleware is not mounted: docs/decisions/0005), and Tessera's interceptors subscribe within
 * the request's own promise chain, which carries its context anyway. Otherwise this is Nest's
 * code as it stands: the same order, the same deferral, the same `transformDeferred`.
 */
type Intercept = InterceptorsConsumer['intercept'];

let installed = false;

export const installLeanInterceptorChain = (): void => {
  if (installed) return;
  installed = true;
  const lean: Intercept = async function (this: InterceptorsConsumer, interceptors, args, instance, callback, next, type) {
    if (!interceptors || interceptors.length === 0) return next();
    const context = this.createContext(args, instance, callback);
    context.setType(type as string);
    const nextFn = async (i = 0): Promise<Observable<unknown>> => {
      if (i >= interceptors.length) return defer(() => this.transformDeferred(next));
      const handler = { handle: () => defer(() => nextFn(i + 1)).pipe(mergeAll()) };
      return (interceptors[i] as NestInterceptor).intercept(context, handler) as Observable<unknown>;
    };
    return defer(() => nextFn()).pipe(mergeAll());
  };
  InterceptorsConsumer.prototype.intercept = lean;
};
