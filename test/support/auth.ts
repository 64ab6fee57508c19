import type { Role } from '@tessera/contracts';
import { TokenService } from '@tessera/platform/security/token-service';
import type { TestApp } from './test-app';

/** An access token for a user of the given roles, signed by the app's own token service. */
export const accessTokenFor = async (server: TestApp, userId: string, roles: Role[] = ['user']): Promise<string> =>
  (await server.app.get(TokenService).issueAccessToken({ userId, roles })).accessToken;

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
