import type { SeatStatus } from '@tessera/contracts';
import { SEAT_CODES, type SeatMapSectionDoc } from '../../../projector/src/read-models';

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

export class SeatMapCache {
  private readonly rendered = new Map<string, { position: number; json: string }>();

  constructor(private readonly maxSections = 20_000) {}

  json(section: SeatMapSectionDoc): string {
    const cached = this.rendered.get(section._id);
    if (cached && cached.position === section._position) return cached.json;
    const json = renderSectionSeats(section);
    if (this.rendered.size >= this.maxSections) this.rendered.delete(this.rendered.keys().next().value as string);
    this.rendered.set(section._id, { position: section._position, json });
    return json;
  }
}
