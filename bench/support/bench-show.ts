/** The show the hold benchmarks sell: one category, sections of rows of seats, published. */

export const postJson = async (url: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** Creates and publishes a show of `sections` as an admin; resolves with its id. */
export const createBenchShow = async (url: string, adminToken: string, sections: { id: string; rows: number; seatsPerRow: number }[], name = 'Bench'): Promise<string> => {
  const created = await postJson(`${url}/api/shows`, adminToken, {
    name,
    venue: 'Arena',
    startsAt: '2030-05-01T19:30:00Z',
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 4,
    categories: [{ id: 'std', name: 'Standard', price: 4500 }],
    sections: sections.map(({ id, rows, seatsPerRow }) => ({
      id,
      name: id,
      categoryId: 'std',
      rows: Array.from({ length: rows }, (_, i) => ({ label: String(i + 1), seats: seatsPerRow })),
    })),
  });
  if (created.status !== 201) throw new Error(`create show: ${JSON.stringify(created.body)}`);
  const showId = created.body.showId as string;
  const published = await postJson(`${url}/api/shows/${showId}/publish`, adminToken);
  if (published.status !== 200) throw new Error(`publish: ${JSON.stringify(published.body)}`);
  return showId;
};

/** An arena of `sections` sections of `rows` rows of `seatsPerRow` seats: S1 … S{sections}. */
export const arena = (sections: number, rows: number, seatsPerRow: number) => Array.from({ length: sections }, (_, i) => ({ id: `S${i + 1}`, rows, seatsPerRow }));
