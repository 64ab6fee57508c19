import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';

/**
 * A response body kept with its compressed forms, for bodies that are cached and served many
 * times (a 100,000-seat map is about 10 MB of JSON): each coding is made once, off the event loop
 * (zlib's thread pool), and then sent as is, instead of being compressed again on every request.
 * Framework-free: the edge picks the coding with `negotiateCoding` and sets the headers.
 */

/** Responses of at least 1 KB are compressed (br or gzip) when the client accepts it (API.md, Operations). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export type ContentCoding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The coding to answer with for an Accept-Encoding header: br, then gzip, when the client takes
 * them (q > 0); identity otherwise, and for a header that refuses everything.
 */
export const negotiateCoding = (acceptEncoding: string | undefined): ContentCoding => {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  // negotiator 1.x takes the server's preference as a second argument; its types predate it.
  const encodings = negotiator.encodings as (available: string[], options: { preferred: string[] }) => string[];
  const [coding] = encodings.call(negotiator, ['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] });
  return (coding as ContentCoding | undefined) ?? 'identity';
};

/**
 * Brotli at quality 5 and gzip at level 6 (zlib's default): quality 11 takes seconds on 10 MB,
 * and a seat map changes with every sale, so each version must be quick to compress.
 */
const BROTLI_QUALITY = 5;

export class PrecompressedBody {
  private readonly codings = new Map<Exclude<ContentCoding, 'identity'>, Promise<Buffer>>();

  constructor(readonly identity: Buffer) {}

  /** Whether it is worth compressing at all (the transport rule: responses of 1 KB and more). */
  get compressible(): boolean {
    return this.identity.length >= COMPRESSION_THRESHOLD_BYTES;
  }

  /** The body in this coding, compressed on first use and kept (concurrent callers share one compression). */
  encoded(coding: ContentCoding): Promise<Buffer> {
    if (coding === 'identity' || !this.compressible) return Promise.resolve(this.identity);
    let bytes = this.codings.get(coding);
    if (!bytes) {
      bytes =
        coding === 'br'
          ? brotli(this.identity, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.identity.length,
              },
            })
          : gzipped(this.identity);
      // A failed compression is not kept: the next request tries again.
      bytes.catch(() => this.codings.delete(coding));
      this.codings.set(coding, bytes);
    }
    return bytes;
  }

  /** The coding actually sent for a negotiated one (identity below the threshold). */
  codingFor(negotiated: ContentCoding): ContentCoding {
    return this.compressible ? negotiated : 'identity';
  }
}
