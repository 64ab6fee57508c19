/** A small MIME reader for tests: enough of RFC 2045/2046 to take nodemailer's messages apart. */

export interface MimePart {
  headers: Record<string, string>;
  contentType: string;
  /** Parameters of Content-Type (`boundary`, `charset`). */
  params: Record<string, string>;
  body: Buffer;
  /** Leaves only; a multipart part has its children here. */
  parts: MimePart[];
}

const parseHeaders = (block: string): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
};

const parseContentType = (value: string | undefined): { type: string; params: Record<string, string> } => {
  const [type, ...rest] = (value ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq > 0) params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return { type: type.trim().toLowerCase(), params };
};

const decodeQuotedPrintable = (text: string): Buffer => {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < unfolded.length; i++) {
    if (unfolded[i] === '=' && /^[0-9A-F]{2}$/i.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
};

export const parseMime = (raw: string): MimePart => {
  const split = /\r?\n\r?\n/.exec(raw);
  const headerBlock = split ? raw.slice(0, split.index) : raw;
  const bodyText = split ? raw.slice(split.index + split[0].length) : '';
  const headers = parseHeaders(headerBlock);
  const { type, params } = parseContentType(headers['content-type']);
  if (type.startsWith('multipart/')) {
    const boundary = `--${params.boundary}`;
    const sections = bodyText.split(boundary).slice(1);
    const parts = sections.filter((section) => !section.startsWith('--')).map((section) => parseMime(section.replace(/^\r?\n/, '')));
    return { headers, contentType: type, params, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const trimmed = bodyText.replace(/\r?\n$/, '');
  const body = encoding === 'base64' ? Buffer.from(trimmed.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? decodeQuotedPrintable(trimmed) : Buffer.from(trimmed, 'utf8');
  return { headers, contentType: type, params, body, parts: [] };
};

/** Every leaf part, depth first. */
export const leavesOf = (part: MimePart): MimePart[] => (part.parts.length === 0 ? [part] : part.parts.flatMap(leavesOf));
