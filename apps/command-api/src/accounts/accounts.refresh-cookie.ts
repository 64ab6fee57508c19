import { ApiHeader } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { CSRF_HEADER_VALUE, REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '@tessera/platform/auth/refresh-cookie';

/** The OpenAPI description of the refresh-cookie headers (API.md, Accounts; auth/refresh-cookie.ts). */
export const ApiRefreshCookieRequest = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'X-Refresh-Cookie',
      required: false,
      description: `\`1\`: answer the refresh token as the \`${REFRESH_COOKIE}\` cookie (HttpOnly; Secure; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}), not in the body.`,
      schema: { type: 'string', enum: ['1'] },
    }),
  );

export const ApiRefreshCookieCredential = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'X-Requested-With',
      required: false,
      description: `\`${CSRF_HEADER_VALUE}\`: with no \`refreshToken\` in the body, take the \`${REFRESH_COOKIE}\` cookie (the CSRF guard: without this header the cookie is never read).`,
      schema: { type: 'string', enum: [CSRF_HEADER_VALUE] },
    }),
  );
