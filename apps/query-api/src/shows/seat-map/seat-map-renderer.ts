import { createHash } from 'node:crypto';
import type { SeatStatus } from '@tessera/contracts';
import { PrecompressedBody } from '@tessera/platform/http/precompressed';
import { SEAT_CODES, type SeatMapSectionDoc } from '@tessera/read-models';

/**
 * Turns a compact seat-map section document into the JSON of its seats, once per version of the
 * document: a 60,000-seat show is served by joining cached section strings, and only the
 * sections that changed since are rendered again.
 */

const STATUS_OF: Record<string, SeatStatus> = {
  [SEAT_CODES.available]: 'available',
  [SEAT_CODES.held]: 'held',
  [SEAT_CODES.sold]: 'sold',
};

/** The section's seats as JSON objects joined by commas (no brackets), in seat-map order. */
export const renderSectionSeats = (section: Pick<SeatMapSectionDoc, 'sectionId' | 'categoryId' | 'rows' | 'status'>): string => {
  const parts: string[] = [];
  const sectionId = JSON.stringify(section.sectionId);
  const categoryId = JSON.stringify(section.categoryId);
  for (const row of section.rows) {
    const label = JSON.stringify(row.label);
    const prefix = `${section.sectionId}-${row.label}-`;
    for (let number = 1; number <= row.seats; number++) {
      const status = STATUS_OF[section.status[row.offset + number - 1]] ?? 'available';
      parts.push(
        `{"seatId":${JSON.stringify(prefix + number)},"sectionId":${sectionId},"row":${label},"number":${number},"categoryId":${categoryId},"status":"${status}"}`,
      );
    }
  }
  return parts.join(',');
};

export interface RenderedSeatMap {
  /** The JSON, with its br and gzip forms made once per version and kept beside it. */
  body: PrecompressedBody;
  /**
   * Changes exactly when a section of the response changes. Weak, so one value serves every
   * content coding of the same seats (as nginx does): a 304 is right whichever coding the client
   * holds, and the variants differ only in Content-Encoding (Vary: Accept-Encoding).
   */
  etag: string;
}

export class SeatMapCache {
  private readonly rendered = new Map<string, { position: number; json: string }>();
  private readonly responses = new Map<string, { key: string; response: RenderedSeatMap }>();

  constructor(private readonly maxSections = 20_000) {}

  json(section: SeatMapSectionDoc): string {
    const cached = this.rendered.get(section._id);
    if (cached && cached.position === section._position) return cached.json;
    const json = renderSectionSeats(section);
    if (this.rendered.size >= this.maxSections) this.rendered.delete(this.rendered.keys().next().value as string);
    this.rendered.set(section._id, { position: section._position, json });
    return json;
  }

  /**
   * The whole response body for these sections, encoded once per combination of section
   * versions: a repeated read of an unchanged 60,000-seat map sends a ready buffer, compressed
   * once per coding.
   */
  response(showId: string, sections: readonly SeatMapSectionDoc[], selection: string): RenderedSeatMap {
    const key = sections.map((section) => `${section.sectionId}@${section._position}`).join(',');
    const slot = `${showId}\u0000${selection}`;
    const cached = this.responses.get(slot);
    if (cached && cached.key === key) return cached.response;
    const parts = sections.map((section) => this.json(section)).filter((json) => json.length > 0);
    const body = new PrecompressedBody(Buffer.from(`{"showId":${JSON.stringify(showId)},"seats":[${parts.join(',')}]}`));
    const response = { body, etag: `W/"${createHash('sha1').update(slot).update(key).digest('base64url')}"` };
    if (this.responses.size >= 1000) this.responses.delete(this.responses.keys().next().value as string);
    this.responses.set(slot, { key, response });
    return response;
  }
}
