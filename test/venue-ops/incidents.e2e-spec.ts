import { randomUUID } from 'node:crypto';
import { incidentStream, type DeviceRuleCleared, type DeviceRuleRaised, type IncidentSummary, type IncidentView, type StatsResponse } from '@tessera/contracts';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { DeviceIncidentReaction } from '../../apps/command-api/src/incidents/device-incidents/device-incident.reaction';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/** Incidents over HTTP against a started server (API.md, Venue operations). */
describe('incidents', () => {
  let server: TestApp;
  let staff: string;
  let admin: string;
  let fan: string;
  let otherFan: string;
  const fanId = `fan-${randomUUID()}`;

  type Sent = { status: number; body: Record<string, unknown>; headers: Headers };
  const send = async (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? bearer(token) : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
  };
  const report = (token: string, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    send('POST', '/api/incidents', token, { title: 'Seat 12 broken', description: 'The armrest is loose.', location: { seatId: 'A-1-12', area: 'Stalls' }, category: 'seat', urgency: 'medium', ...overrides }, headers);
  const patch = (id: string, body: unknown, token = staff) => send('PATCH', `/api/incidents/${id}`, token, body);
  /** A read that waits for the projections to reach `position` (read your writes). */
  const read = (path: string, token: string, position: unknown) => send('GET', path, token, undefined, { 'x-min-position': String(position) });
  /** A registered account, given `roles` by the admin: incidents are assigned to staff only. */
  const registerAccount = async (roles: string[]): Promise<string> => {
    const registered = await send('POST', '/api/auth/register', undefined, { email: `${randomUUID()}@example.com`, password: `pw-${randomUUID()}`, displayName: 'Grace Hopper' });
    expect(registered.status).toBe(201);
    const userId = String(registered.body.userId);
    expect((await send('PUT', `/api/admin/users/${userId}/roles`, admin, { roles })).status).toBe(200);
    return userId;
  };
  let colleague: string;

  beforeAll(async () => {
    server = await startTestApp();
    staff = await accessTokenFor(server, `staff-${randomUUID()}`, ['staff']);
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
    fan = await accessTokenFor(server, fanId);
    otherFan = await accessTokenFor(server, `fan-${randomUUID()}`);
    colleague = await registerAccount(['user', 'staff']);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('takes a report from any signed-in user: 201 new, the priority of its urgency, the position', async () => {
    const res = await report(fan, { urgency: 'high' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ incidentId: expect.any(String), status: 'new', priority: 'P2', position: expect.stringMatching(/^\d+$/) });
    expect(res.headers.get('x-position')).toBe(res.body.position);
    const detail = await read(`/api/incidents/${String(res.body.incidentId)}`, fan, res.body.position);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      incidentId: res.body.incidentId,
      title: 'Seat 12 broken',
      location: { seatId: 'A-1-12', area: 'Stalls' },
      category: 'seat',
      urgency: 'high',
      impact: 'medium',
      priority: 'P2',
      severity: 'high',
      status: 'new',
      source: 'report',
      reporterId: fanId,
      assigneeId: null,
      acknowledgedAt: null,
      resolvedAt: null,
      breached: [],
      history: [{ actorId: fanId, change: 'reported', note: null, at: expect.any(String) }],
    });
    const { createdAt, deadlines } = detail.body as unknown as IncidentView;
    // The P2 defaults: acknowledge within 15 minutes, resolve within 4 hours.
    expect(Date.parse(deadlines.acknowledgeBy) - Date.parse(createdAt)).toBe(15 * 60_000);
    expect(Date.parse(deadlines.resolveBy) - Date.parse(createdAt)).toBe(240 * 60_000);
  });

  it('refuses a report without a signed-in user, with a bad body, or with unknown fields, and writes nothing', async () => {
    expect((await report('')).status).toBe(401);
    for (const bad of [{ title: '' }, { title: 'x'.repeat(201) }, { urgency: 'urgent' }, { category: 'noise' }, { description: 'x'.repeat(5001) }, { location: { seatId: '12' } }, { reporterId: 'someone' }]) {
      const res = await report(fan, bad);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers a retried report with the same Idempotency-Key with the first answer, and opens one incident', async () => {
    const key = randomUUID();
    const first = await report(fan, { title: 'Leak' }, { 'idempotency-key': key });
    const again = await report(fan, { title: 'Leak' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const reuse = await report(fan, { title: 'Another leak' }, { 'idempotency-key': key });
    expect(reuse.status).toBe(422);
    expect(reuse.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await server.app.get(EventStore).readStream(incidentStream(String(first.body.incidentId)))).map((e) => e.type)).toEqual(['incident.reported.v1']);
  });

  it('moves an incident through the workflow; an illegal move answers 409 INVALID_TRANSITION and changes nothing', async () => {
    const { body } = await report(fan);
    const id = String(body.incidentId);
    const illegal = await patch(id, { status: 'resolved' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'new', to: 'resolved', allowed: ['acknowledged'] });
    const ack = await patch(id, { status: 'acknowledged', assigneeId: colleague, note: 'On my way' });
    expect(ack.status).toBe(200);
    expect(ack.body).toEqual({ incidentId: id, status: 'acknowledged', priority: 'P3', position: expect.stringMatching(/^\d+$/) });
    expect((await patch(id, { status: 'in_progress', impact: 'high' })).body).toMatchObject({ status: 'in_progress', priority: 'P2' });
    expect((await patch(id, { status: 'pending' })).status).toBe(200);
    expect((await patch(id, { status: 'in_progress' })).status).toBe(200);
    expect((await patch(id, { status: 'resolved', severity: 'low' })).status).toBe(200);
    expect((await patch(id, { status: 'closed' })).status).toBe(200);
    const reopened = await patch(id, { status: 'in_progress', note: 'It broke again' }, admin);
    expect(reopened.body).toMatchObject({ status: 'in_progress' });
    const detail = await read(`/api/incidents/${id}`, staff, reopened.body.position);
    expect(detail.body).toMatchObject({ status: 'in_progress', impact: 'high', priority: 'P2', severity: 'low', assigneeId: colleague, resolvedAt: null });
    expect((detail.body as unknown as IncidentView).history.map((h) => h.change)).toEqual([
      'reported',
      `assigned ${colleague}`,
      'status new → acknowledged',
      'note',
      'impact medium → high (P3 → P2)',
      'status acknowledged → in_progress',
      'status in_progress → pending',
      'status pending → in_progress',
      'severity medium → low',
      'status in_progress → resolved',
      'status resolved → closed',
      'status closed → in_progress',
      'note',
    ]);
  });

  it('refuses a PATCH with no field, with a bad value, from a fan, or for a missing incident', async () => {
    const { body } = await report(fan);
    const id = String(body.incidentId);
    expect((await patch(id, {})).body.code).toBe('VALIDATION_FAILED');
    expect((await patch(id, { status: 'done' })).status).toBe(400);
    expect((await patch(id, { note: '' })).status).toBe(400);
    expect((await patch(id, { status: 'acknowledged' }, fan)).status).toBe(403);
    const missing = await patch(randomUUID(), { status: 'acknowledged' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('INCIDENT_NOT_FOUND');
    expect((await server.app.get(EventStore).readStream(incidentStream(id))).map((e) => e.type)).toEqual(['incident.reported.v1']);
  });

  it("answers 404 for another user's incident, exactly as for a missing one (BOLA); staff see it", async () => {
    const { body } = await report(fan);
    const id = String(body.incidentId);
    const stolen = await read(`/api/incidents/${id}`, otherFan, body.position);
    const missing = await read(`/api/incidents/${randomUUID()}`, otherFan, body.position);
    expect(stolen.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(stolen.body.code).toBe('INCIDENT_NOT_FOUND');
    // The same answer but for the id it echoes.
    const shape = (problem: Record<string, unknown>) => ({ ...problem, detail: undefined, instance: undefined, incidentId: undefined });
    expect(shape(stolen.body)).toEqual(shape(missing.body));
    expect((await read(`/api/incidents/${id}`, staff, body.position)).status).toBe(200);
    expect((await read(`/api/incidents/${id}`, admin, body.position)).status).toBe(200);
    // Nor can another fan change it, nor list it among theirs, nor read the staff lists.
    expect((await patch(id, { note: 'mine now' }, otherFan)).status).toBe(403);
    const theirs = await read('/api/me/incidents', otherFan, body.position);
    expect((theirs.body.items as IncidentSummary[]).map((i) => i.incidentId)).not.toContain(id);
    expect((await read('/api/incidents', otherFan, body.position)).status).toBe(403);
    expect((await read('/api/incidents/recent', otherFan, body.position)).status).toBe(403);
  });

  it("lists a reporter's own incidents, newest first", async () => {
    const me = await accessTokenFor(server, `fan-${randomUUID()}`);
    const first = await report(me, { title: 'First' });
    const second = await report(me, { title: 'Second' });
    const mine = await read('/api/me/incidents', me, second.body.position);
    expect(mine.status).toBe(200);
    expect((mine.body.items as IncidentSummary[]).map((i) => i.incidentId)).toEqual([second.body.incidentId, first.body.incidentId]);
    expect(mine.body.items).toEqual([expect.not.objectContaining({ history: expect.anything() }), expect.anything()]);
  });

  it('lists incidents for staff with filters, newest first, page by page with a cursor', async () => {
    const area = `area-${randomUUID()}`;
    const made: string[] = [];
    let position = '0';
    for (const urgency of ['low', 'medium', 'high', 'low', 'low']) {
      const { body } = await report(fan, { urgency, location: { area } });
      made.push(String(body.incidentId));
      position = String(body.position);
    }
    const lows = made.filter((_, i) => [0, 3, 4].includes(i)).reverse();
    const page1 = await read('/api/incidents?severity=low&source=report&status=new&limit=2', staff, position);
    expect(page1.status).toBe(200);
    const ids1 = (page1.body.items as IncidentSummary[]).map((i) => i.incidentId);
    expect(ids1).toEqual(lows.slice(0, 2));
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await read(`/api/incidents?severity=low&source=report&status=new&limit=2&cursor=${String(page1.body.nextCursor)}`, staff, position);
    expect((page2.body.items as IncidentSummary[])[0].incidentId).toBe(lows[2]);
    const recent = await read('/api/incidents/recent?limit=5', staff, position);
    expect((recent.body.items as IncidentSummary[]).map((i) => i.incidentId)).toEqual([...made].reverse());
    expect((await read('/api/incidents?source=device&severity=low', staff, position)).body.items).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ incidentId: made[0] })]),
    );
  });

  it('assigns to staff and admins only: an id naming no account, or a fan, answers 400 on assigneeId and changes nothing', async () => {
    const { body } = await report(fan);
    const id = String(body.incidentId);
    const fanAccount = await registerAccount(['user']);
    for (const assigneeId of [randomUUID(), fanAccount]) {
      const refused = await patch(id, { status: 'acknowledged', assigneeId });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'assigneeId', message: 'assigneeId must name a staff member or an admin' }] });
    }
    expect((await server.app.get(EventStore).readStream(incidentStream(id))).map((e) => e.type)).toEqual(['incident.reported.v1']);
    // Taking the assignment away names nobody, so it reads no account.
    expect((await patch(id, { assigneeId: null })).status).toBe(200);
  });

  it('lists incidents for staff by priority, category and assignee (or the unassigned ones)', async () => {
    const area = `area-${randomUUID()}`;
    const safety = await report(fan, { category: 'safety', urgency: 'high', location: { area } });
    const cleaning = await report(fan, { category: 'cleaning', urgency: 'low', location: { area } });
    const assignee = await registerAccount(['user', 'admin']);
    const assigned = await patch(String(cleaning.body.incidentId), { assigneeId: assignee });
    expect(assigned.status).toBe(200);
    const ids = async (query: string) =>
      ((await read(`/api/incidents?${query}&limit=100`, staff, assigned.body.position)).body.items as IncidentSummary[])
        .filter((i) => i.location.area === area)
        .map((i) => i.incidentId);
    expect(await ids('category=safety')).toEqual([safety.body.incidentId]);
    expect(await ids('priority=P2')).toEqual([safety.body.incidentId]);
    expect(await ids('priority=P4&category=cleaning')).toEqual([cleaning.body.incidentId]);
    expect(await ids(`assigneeId=${assignee}`)).toEqual([cleaning.body.incidentId]);
    expect(await ids('assigneeId=none')).toEqual([safety.body.incidentId]);
  });

  it.each([
    ['/api/incidents?priority=P0', 'priority'],
    ['/api/incidents?category=seats', 'category'],
    ['/api/incidents?assigneeId=a%20b', 'assigneeId'],
    ['/api/incidents?status=open', 'status'],
    ['/api/incidents?severity=urgent', 'severity'],
    ['/api/incidents?source=phone', 'source'],
    ['/api/incidents?venueId=a%20b', 'venueId'],
    ['/api/incidents?limit=0', 'limit'],
    ['/api/incidents?limit=101', 'limit'],
    ['/api/incidents?cursor=nope', 'cursor'],
    ['/api/incidents/recent?limit=501', 'limit'],
    ['/api/incidents/recent?limit=0', 'limit'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const res = await send('GET', path, staff);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
  });

  it('keeps live counters: open incidents by severity and status, breaches; staff only', async () => {
    const stats = async (position: unknown) => (await read('/api/stats', staff, position)).body as unknown as StatsResponse;
    const start = await report(fan, { urgency: 'low' });
    const before = await stats(start.body.position);
    const { body } = await report(fan, { urgency: 'high' });
    const id = String(body.incidentId);
    const afterReport = await stats(body.position);
    expect(afterReport.incidents.open).toBe(before.incidents.open + 1);
    expect(afterReport.incidents.bySeverity.high).toBe(before.incidents.bySeverity.high + 1);
    expect(afterReport.incidents.byStatus.new).toBe(before.incidents.byStatus.new + 1);
    await patch(id, { status: 'acknowledged' });
    await patch(id, { status: 'in_progress' });
    const resolved = await patch(id, { status: 'resolved' });
    const afterResolve = await stats(resolved.body.position);
    expect(afterResolve.incidents.open).toBe(before.incidents.open);
    expect(afterResolve.incidents.bySeverity.high).toBe(before.incidents.bySeverity.high);
    expect(afterResolve.incidents.byStatus.resolved).toBe(before.incidents.byStatus.resolved + 1);
    expect(afterResolve.position).toMatch(/^\d+$/);
    expect((await read('/api/stats', fan, resolved.body.position)).status).toBe(403);
  });

  describe('from device rules', () => {
    const appendDeviceEvent = async (deviceId: string, event: DeviceRuleRaised | DeviceRuleCleared) => {
      const store = server.app.get(EventStore);
      const context = { actorId: 'system:device-rules', correlationId: randomUUID(), causationId: randomUUID(), now: new Date() };
      const appended = await store.append(`device-${deviceId}`, toAppend(`device-${deviceId}`, [event], context), { expectedRevision: 'any' });
      await server.app.get(DeviceIncidentReaction).whenProcessed(appended.position);
      return appended.position;
    };

    it('opens the incident a rule raised (P1 for critical), once however often the raise arrives, and resolves it on the clear', async () => {
      const deviceId = `gate-${randomUUID()}`;
      const incidentId = randomUUID();
      const raised: DeviceRuleRaised = {
        type: 'device.rule_raised.v1',
        data: { deviceId, venueId: 'arena', deviceType: 'gate_scanner', ruleId: 'offline', severity: 'critical', incidentId, raisedAt: new Date().toISOString(), reading: { status: 'offline', at: new Date().toISOString() } },
      };
      await appendDeviceEvent(deviceId, raised);
      // A redelivered raise (the rule engine wrote it twice, or the reaction replays): still one incident.
      await appendDeviceEvent(deviceId, raised);
      const store = server.app.get(EventStore);
      expect((await store.readStream(incidentStream(incidentId))).map((e) => e.type)).toEqual(['incident.reported.v1']);
      const [{ position }] = await store.readStream(incidentStream(incidentId));
      const detail = await read(`/api/incidents/${incidentId}`, staff, position);
      expect(detail.body).toMatchObject({ source: 'device', deviceId, venueId: 'arena', ruleId: 'offline', severity: 'critical', priority: 'P1', status: 'new', reporterId: `device:${deviceId}` });
      const listed = await read('/api/incidents?source=device&venueId=arena&severity=critical', staff, position);
      expect((listed.body.items as IncidentSummary[]).map((i) => i.incidentId)).toContain(incidentId);

      await appendDeviceEvent(deviceId, { type: 'device.rule_cleared.v1', data: { deviceId, venueId: 'arena', ruleId: 'offline', incidentId, clearedAt: new Date().toISOString() } });
      const events = await store.readStream(incidentStream(incidentId));
      expect(events.map((e) => e.type)).toEqual(['incident.reported.v1', 'incident.status_changed.v1']);
      expect(events[1].data).toMatchObject({ from: 'new', to: 'resolved', reason: 'device_cleared', by: `device:${deviceId}` });
      expect((await read(`/api/incidents/${incidentId}`, staff, events[1].position)).body).toMatchObject({ status: 'resolved' });
    });

    it('skips a clear for an incident never raised, and a raise it cannot read, and goes on with the next events', async () => {
      const deviceId = `pos-${randomUUID()}`;
      const unreadable = randomUUID();
      await appendDeviceEvent(deviceId, {
        type: 'device.rule_raised.v1',
        data: { deviceId, venueId: 'arena', deviceType: 'pos', ruleId: 'temperature', severity: 'severe' as never, incidentId: unreadable, raisedAt: 'now', reading: {} as never },
      });
      expect(await server.app.get(EventStore).readStream(incidentStream(unreadable))).toEqual([]);
      await appendDeviceEvent(deviceId, { type: 'device.rule_cleared.v1', data: { deviceId, venueId: 'arena', ruleId: 'temperature', incidentId: randomUUID(), clearedAt: new Date().toISOString() } });
      const incidentId = randomUUID();
      await appendDeviceEvent(deviceId, {
        type: 'device.rule_raised.v1',
        data: { deviceId, venueId: 'arena', deviceType: 'pos', ruleId: 'temperature', severity: 'high', incidentId, raisedAt: new Date().toISOString(), reading: { status: 'online', temperature: 81, at: new Date().toISOString() } },
      });
      expect((await server.app.get(EventStore).readStream(incidentStream(incidentId))).map((e) => e.data)).toEqual([expect.objectContaining({ priority: 'P2', severity: 'high' })]);
    });
  });
});
