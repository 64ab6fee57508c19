import { check, group, sleep } from 'k6';
import type { Options } from 'k6/options';
import { body, createShow, get, loginAdmin } from './lib/api.ts';

/**
 * Browse: anonymous fans look around — the catalogue, a show, its seat map — with think time,
 * ramping to 200 of them. The read side's latency thresholds are the query API's targets.
 *   k6 run -e BASE_URL=http://localhost:8080 -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… load/browse.ts
 */
export const options: Options = {
  scenarios: {
    browse: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '30s', target: 200 },
        { duration: '2m', target: 200 },
        { duration: '15s', target: 0 },
      ],
    },
  },
  thresholds: {
    'http_req_duration{name:catalogue}': ['p(95)<150', 'p(99)<400'],
    'http_req_duration{name:show}': ['p(95)<150', 'p(99)<400'],
    'http_req_duration{name:seat map}': ['p(95)<200', 'p(99)<500'],
    http_req_failed: ['rate<0.001'],
    checks: ['rate>0.999'],
  },
};

export function setup(): { showIds: string[] } {
  const admin = loginAdmin();
  return { showIds: [1, 2, 3].map(() => createShow(admin, { rows: 20, seatsPerRow: 50 })) };
}

export default function browse({ showIds }: { showIds: string[] }): void {
  group('catalogue', () => {
    const catalogue = get('/api/shows?limit=20', undefined, { tags: { name: 'catalogue' } });
    check(catalogue, { 'catalogue: 200 with shows': (r) => r.status === 200 && body<{ items: unknown[] }>(r, 'catalogue').items.length > 0 });
  });
  sleep(1 + Math.random() * 2);
  const showId = showIds[Math.floor(Math.random() * showIds.length)];
  group('show', () => {
    check(get(`/api/shows/${showId}`, undefined, { tags: { name: 'show' } }), { 'show: 200': (r) => r.status === 200 });
    sleep(Math.random() * 2);
    check(get(`/api/shows/${showId}/seats?section=A`, undefined, { tags: { name: 'seat map' } }), {
      'seat map: 1000 seats': (r) => r.status === 200 && body<{ seats: unknown[] }>(r, 'seat map').seats.length === 1000,
    });
  });
  sleep(2 + Math.random() * 3);
}
