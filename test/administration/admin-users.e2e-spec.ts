import { randomUUID } from 'node:crypto';
import type { AdminUserListResponse, AdminUserView } from '@tessera/contracts';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { call, login } from '../security/accounts-client';
import { createShow, GOOD_CARD, post } from '../box-office/box-office-client';

/** GET /api/admin/users and /api/admin/users/{userId} against a started server (API.md, Administration). */
describe('admin user search', () => {
  let server: TestApp;
  let admin: string;
  /** A marker in every e-mail and name of this run, so the searches see only this run's accounts. */
  const run = randomUUID().slice(0, 8);
  const people: { userId: string; email: string; position: string }[] = [];

  const registerAs = async (email: string, displayName: string) => {
    const res = await call<{ userId: string; position: string }>(server, 'POST', '/api/auth/register', { body: { email, password: 'Violet-Harbour-Lantern-93', displayName } });
    if (res.status !== 201) throw new Error(`register answered ${res.status}`);
    people.push({ userId: res.body.userId, email, position: res.body.position });
    return res.body;
  };
  /** Reads once the projections have reached `position` (read your writes). */
  const read = <T>(path: string, position: string, token = admin) => call<T>(server, 'GET', path, { headers: { ...bearer(token), 'x-min-position': position } });
  const newest = () => people.at(-1)?.position ?? '0';

  beforeAll(async () => {
    server = await startTestApp();
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
    await registerAs(`ada.${run}@example.com`, `Ada Lovelace ${run}`);
    await registerAs(`grace.${run}@example.com`, `Grace HOPPER ${run}`);
    await registerAs(`alan.${run}@example.org`, `Alan Turing ${run}`);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('finds an account by its e-mail in any spelling, with the fields API.md lists', async () => {
    const res = await read<AdminUserListResponse>(`/api/admin/users?email=${encodeURIComponent(`  GRACE.${run}@Example.COM `)}`, newest());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [{ userId: people[1].userId, email: `grace.${run}@example.com`, displayName: `Grace HOPPER ${run}`, roles: ['user'], createdAt: expect.any(String) }],
      nextCursor: null,
    });
    expect(Number.isNaN(Date.parse(res.body.items[0].createdAt))).toBe(false);
  });

  it('finds accounts by a case-insensitive substring of the e-mail or the name, newest first, taking the text literally', async () => {
    const byName = await read<AdminUserListResponse>(`/api/admin/users?q=${encodeURIComponent(`hopper ${run}`)}`, newest());
    expect(byName.body.items.map((item) => item.userId)).toEqual([people[1].userId]);
    const byRun = await read<AdminUserListResponse>(`/api/admin/users?q=${run.toUpperCase()}`, newest());
    expect(byRun.body.items.map((item) => item.userId)).toEqual([people[2].userId, people[1].userId, people[0].userId]);
    const byDomain = await read<AdminUserListResponse>(`/api/admin/users?q=${encodeURIComponent(`${run}@example.org`)}`, newest());
    expect(byDomain.body.items.map((item) => item.userId)).toEqual([people[2].userId]);
    // A pattern character is a character: ".*" is in no address.
    expect((await read<AdminUserListResponse>(`/api/admin/users?q=${encodeURIComponent('.*')}`, newest())).body.items).toEqual([]);
  });

  it('filters by role, and combines the filters', async () => {
    const changed = await call<{ position: string }>(server, 'PUT', `/api/admin/users/${people[0].userId}/roles`, { body: { roles: ['user', 'staff'] }, headers: bearer(admin) });
    expect(changed.status).toBe(200);
    const staff = await read<AdminUserListResponse>(`/api/admin/users?role=staff&q=${run}`, changed.body.position);
    expect(staff.body.items).toEqual([expect.objectContaining({ userId: people[0].userId, roles: ['user', 'staff'] })]);
    const none = await read<AdminUserListResponse>(`/api/admin/users?role=admin&q=${run}`, changed.body.position);
    expect(none.body.items).toEqual([]);
  });

  it('pages with the cursor, each account once, in the order of registration newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof read<AdminUserListResponse>>> = await read<AdminUserListResponse>(
        `/api/admin/users?q=${run}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        newest(),
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((item) => item.userId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([people[2].userId, people[1].userId, people[0].userId]);
  });

  it('shows one account with the counts of its bookings and tickets, moved by a booking, a payment and a transfer', async () => {
    const fan = people[1];
    const session = await login(server, fan.email);
    const showId = await createShow(server.url, admin);
    const held = await post<{ bookingId: string }>(`${server.url}/api/bookings`, session.accessToken, { showId, seats: ['A-1-1', 'A-1-2'] });
    expect(held.status).toBe(201);
    const paid = await post<{ tickets: { ticketId: string }[]; position: string }>(`${server.url}/api/bookings/${held.body.bookingId}/payment`, session.accessToken, { card: GOOD_CARD });
    expect(paid.status).toBe(200);
    await post(`${server.url}/api/bookings`, session.accessToken, { showId, seats: ['A-1-3'] });
    const transferred = await post<{ position: string }>(`${server.url}/api/tickets/${paid.body.tickets[0].ticketId}/transfer`, session.accessToken, { toEmail: people[2].email });
    expect(transferred.status).toBe(200);

    const detail = await read<AdminUserView>(`/api/admin/users/${fan.userId}`, transferred.body.position);
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual({
      userId: fan.userId,
      email: fan.email,
      displayName: `Grace HOPPER ${run}`,
      roles: ['user'],
      createdAt: expect.any(String),
      bookingsCount: 2,
      ticketsCount: 1,
    });
    expect((await read<AdminUserView>(`/api/admin/users/${people[2].userId}`, transferred.body.position)).body).toMatchObject({ bookingsCount: 0, ticketsCount: 1 });
  });

  it('answers 404 USER_NOT_FOUND for an unknown or malformed id', async () => {
    expect(await read(`/api/admin/users/${randomUUID()}`, newest())).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
    expect(await read('/api/admin/users/not-a-user', newest())).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
  });

  it('refuses a bad filter with 400 VALIDATION_FAILED naming the field', async () => {
    for (const [query, field] of [['role=root', 'role'], ['limit=0', 'limit'], ['limit=101', 'limit'], ['cursor=xyz', 'cursor'], ['q=', 'q'], [`q=${'a'.repeat(101)}`, 'q'], ['email=%20', 'email']]) {
      const res = await read<{ code: string; errors: { field: string }[] }>(`/api/admin/users?${query}`, newest());
      expect({ query, status: res.status, code: res.body.code, field: res.body.errors?.[0]?.field }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED', field });
    }
  });

  it('is for admins only: a fan and staff get 403, no token 401', async () => {
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    const staff = await accessTokenFor(server, `staff-${randomUUID()}`, ['staff']);
    for (const token of [fan, staff]) {
      expect((await read('/api/admin/users', newest(), token)).status).toBe(403);
      expect((await read(`/api/admin/users/${people[0].userId}`, newest(), token)).status).toBe(403);
    }
    expect((await call(server, 'GET', '/api/admin/users')).status).toBe(401);
  });
});
