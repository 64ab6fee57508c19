import {
  CanActivate,
  createParamDecorator,
  CustomDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../commands/event-sourcing';
import type { Clock } from '../time/clock';
import { TokenEpochs } from './token-epochs';

/**
 * Authentication and authorization at the edge. Every route needs a valid access token unless
 * it is marked @Public(); @Roles() narrows it further (403 FORBIDDEN). Ownership of objects is
 * checked by each handler, which answers 404 for another user's object. A token issued before
 * the user's latest role change or sign-out is refused on every route (token-epochs.ts: an
 * in-memory comparison, no store round trip).
 */

export type { Role };

export interface AuthenticatedUser {
  userId: string;
  roles: Role[];
  /** The token epoch the access token carries (token-epochs.ts); absent counts as 0. */
  epoch?: number;
}

/** Verifies an access token (never a refresh token); throws when it is not valid. */
export abstract class AccessTokenVerifier {
  abstract verifyAccessToken(token: string): Promise<AuthenticatedUser>;
}

const PUBLIC = 'tessera:public';
const ROLES = 'tessera:roles';

export const Public = (): CustomDecorator => SetMetadata(PUBLIC, true);
/** Any of the given roles grants access. */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(ROLES, roles);

/** Who may call a route, read as the guard reads it (for its OpenAPI description). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const accessOf = (handler: Function, controller: Function): { public: boolean; roles: Role[] } => {
  const reflector = new Reflector();
  return {
    public: reflector.getAllAndOverride<boolean | undefined>(PUBLIC, [handler, controller]) === true,
    roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES, [handler, controller]) ?? [],
  };
};

export interface AuthenticatedRequest extends FastifyRequest {
  user?: AuthenticatedUser;
  commandId?: string;
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/;

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly epochs: TokenEpochs,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, targets);
    const header = req.headers.authorization;
    if (isPublic) {
      // A public route still knows its caller when a valid token is sent (idempotency, audit).
      if (header) req.user = await this.verify(header).catch(() => undefined);
      return true;
    }
    if (!header) throw new DomainError('UNAUTHENTICATED', 'Sign in: send Authorization: Bearer <accessToken>.');
    req.user = await this.verify(header);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.some((role) => req.user?.roles.includes(role))) {
      throw new DomainError('FORBIDDEN', 'Your role does not allow this.');
    }
    return true;
  }

  private async verify(header: string): Promise<AuthenticatedUser> {
    const match = BEARER.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <accessToken>".');
    let user: AuthenticatedUser;
    try {
      user = await this.verifier.verifyAccessToken(match[1]);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is not valid.');
    }
    if (!this.epochs.isCurrent(user.userId, user.epoch ?? 0)) {
      throw new DomainError('UNAUTHENTICATED', 'The access token was ended by a sign-out or a role change: refresh it or sign in again.');
    }
    return user;
  }
}

/** The signed-in caller; only on routes that are not @Public() (or public with a token). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user;
});

/** Metadata for the events a request causes: who, which request, which command, when. */
export const commandContextOf = (req: AuthenticatedRequest, clock: Clock): CommandContext => ({
  actorId: req.user?.userId ?? 'anonymous',
  correlationId: req.id !== undefined ? String(req.id) : randomUUID(),
  causationId: req.commandId ?? randomUUID(),
  now: clock.now(),
});
