/**
 * The demo's HTTP client: JSON over the public API, an Idempotency-Key on every POST that names
 * one, and read-your-writes: every read carries `X-Min-Position` at the highest position a write
 * has answered so far, so a read right after a write sees it (API.md, Conventions).
 */

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly request: string,
    detail: string,
  ) {
    super(`${request} answered ${status}${code ? ` ${code}` : ''}: ${detail}`);
  }
}

interface RequestOptions {
  token?: string;
  body?: unknown;
  /** The Idempotency-Key of a POST: the same key and body on a re-run gets the first answer again. */
  key?: string;
}

export class DemoClient {
  private position = 0n;

  constructor(readonly url: string) {}

  async call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>(method, path, options)).body;
  }

  /** The answer, and whether it is the first answer to this Idempotency-Key replayed (`Idempotent-Replayed`). */
  async send<T>(method: string, path: string, { token, body, key }: RequestOptions = {}): Promise<{ body: T; replayed: boolean }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    if (key) headers['idempotency-key'] = key;
    if (method === 'GET' && this.position > 0n) headers['x-min-position'] = String(this.position);
    const res = await fetch(`${this.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) {
      const detail = typeof parsed.detail === 'string' ? parsed.detail : typeof parsed.title === 'string' ? parsed.title : text;
      throw new Problem(res.status, typeof parsed.code === 'string' ? parsed.code : undefined, `${method} ${path}`, detail);
    }
    const position = res.headers.get('x-position') ?? (typeof parsed.position === 'string' ? parsed.position : undefined);
    if (position && /^\d+$/.test(position) && BigInt(position) > this.position) this.position = BigInt(position);
    return { body: parsed as T, replayed: res.headers.get('idempotent-replayed') === 'true' };
  }

  get<T>(path: string, token?: string): Promise<T> {
    return this.call<T>('GET', path, { token });
  }

  post<T>(path: string, key: string, token: string | undefined, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, { token, key, body });
  }
}

/** Whether `error` is the API refusing with this code. */
export const refusedWith = (error: unknown, code: string): error is Problem => error instanceof Problem && error.code === code;
