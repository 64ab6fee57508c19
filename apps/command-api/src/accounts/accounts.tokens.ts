import type { Role, TokenResponse } from '@tessera/contracts';
import type { TokenService } from '@tessera/platform/security/token-service';

/**
 * The answer of login and refresh. The access token carries the roles the account stream holds
 * now and the stream's token epoch (accessEpochOf), so the guard refuses it as soon as a later
 * role change or sign-out is in the log; the next refresh then gives the new roles.
 */
export const tokenResponse = async (
  tokens: TokenService,
  subject: { userId: string; roles: readonly Role[]; epoch: number },
  refreshToken: string,
  position: number,
): Promise<TokenResponse> => {
  const access = await tokens.issueAccessToken(subject);
  return { accessToken: access.accessToken, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn, position: String(position) };
};
