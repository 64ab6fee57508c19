import type { Role, TokenResponse } from '@tessera/contracts';
import type { TokenService } from '@tessera/platform/security/token-service';

/**
 * The answer of login and refresh. The access token carries the roles the account stream holds
 * now, so a role change takes effect at the next refresh (at most one access token lifetime).
 */
export const tokenResponse = async (
  tokens: TokenService,
  subject: { userId: string; roles: readonly Role[] },
  refreshToken: string,
  position: number,
): Promise<TokenResponse> => {
  const access = await tokens.issueAccessToken(subject);
  return { accessToken: access.accessToken, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn, position: String(position) };
};
