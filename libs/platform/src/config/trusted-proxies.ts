import { ValidateBy, type ValidationOptions } from 'class-validator';
import proxyAddr from 'proxy-addr';

/**
 * TRUST_PROXY: the proxies whose X-Forwarded-For hop may name the client. The value stays a plain
 * list of addresses and CIDRs (IPv4 and IPv6, plus proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`), which Express's `trust proxy` and Fastify's `trustProxy` both take as they are:
 * both compile it with proxy-addr, which this check uses too, so what passes here is exactly
 * what the HTTP layer accepts, and a typo stops start-up instead of silently trusting nobody.
 */
export const trustedProxyProblem = (list: unknown): string | null => {
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    return 'must be a comma-separated list of proxy addresses or CIDRs';
  }
  try {
    proxyAddr.compile(list as string[]);
    return null;
  } catch (error) {
    return `must be a comma-separated list of proxy addresses or CIDRs: ${(error as Error).message}`;
  }
};

export const IsTrustedProxyList = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isTrustedProxyList',
      validator: {
        validate: (value: unknown) => trustedProxyProblem(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'TRUST_PROXY'} ${trustedProxyProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    options,
  );
