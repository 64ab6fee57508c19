import { DomainError } from '@tessera/domain';
import { EmbeddedEventStore } from '../event-store/embedded';
import { RecordedEvent, WrongExpectedRevisionError } from '../event-store/event-store.port';
import { makeTempDir, removeDir } from '../testing/services';
import { CommandContext, deterministicEventId, toAppend } from './event-sourcing';
import { handleCommand, StreamModel, Upcast } from './handle-command';
import { StreamStateCache } from './stream-state-cache';

/** A tiny account: deposits add, a withdrawal may not go below zero. */
type Balance = { amount: number };
type Deposited = { type: 'deposited.v2'; data: { cents: number } };
const account: StreamModel<Balance, Deposited> = {
  initialState: { amount: 0 },
  evolve: (state, event) => ({ amount: state.amount + event.data.cents }),
};
const deposit = (cents: number): Deposited => ({ type: 'deposited.v2', data: { cents } });

describe('handleCommand', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let commands = 0;
  const contextOf = (): CommandContext => ({
    actorId: 'u1',
    correlationId: 'c1',
    causationId: `cmd-${++commands}`,
    now: new Date('2027-01-01T10:00:00Z'),
  });
  /** Someone else writes to the stream, with its own command id. */
  const meanwhile = (stream: string, cents: number) => store.append(stream, toAppend(stream, [deposit(cents)], contextOf()));
  const typesIn = async (stream: string) => (await store.readStream(stream)).map((event) => `${event.type}:${JSON.stringify(event.data)}`);

  /** Moves `cents` from one account to another; a balance below zero is refused. */
  const transfer = (from: string, to: string, cents: number, options: { onRead?: (attempt: number) => Promise<unknown>; attempts?: number } = {}) => {
    let attempt = 0;
    return {
      attempts: () => attempt,
      run: () =>
        handleCommand(store, {
          context: contextOf(),
          attempts: options.attempts,
          read: async (streams) => {
            const [source, target] = await Promise.all([streams.read(from, account), streams.read(to, account)]);
            attempt++;
            await options.onRead?.(attempt);
            return { source: source.state, target: target.state };
          },
          decide: ({ source }) => {
            if (source.amount < cents) throw new DomainError('INSUFFICIENT_FUNDS', 'not enough', {});
            return {
              append: { [from]: [deposit(-cents)], [to]: [deposit(cents)] },
              answer: (appended) => ({ position: appended.position, streams: appended.streams.map((s) => s.stream) }),
            };
          },
        }),
    };
  };

  beforeEach(async () => {
    dir = await makeTempDir('handle-command');
    store = await EmbeddedEventStore.open({ dataDir: dir });
  });

  afterEach(async () => {
    await store.close();
    await removeDir(dir);
  });

  it('appends the decision to every stream at the revision read and answers from the append', async () => {
    await meanwhile('acc-a', 100);
    const { run } = transfer('acc-a', 'acc-b', 30);
    const result = await run();
    expect(result.streams).toEqual(['acc-a', 'acc-b']);
    expect(result.position).toBe(await store.headPosition());
    expect(await typesIn('acc-a')).toEqual(['deposited.v2:{"cents":100}', 'deposited.v2:{"cents":-30}']);
    // acc-b was read as missing, so it was expected not to exist.
    expect(await typesIn('acc-b')).toEqual(['deposited.v2:{"cents":30}']);
  });

  it('re-reads and decides again after a revision conflict', async () => {
    await meanwhile('acc-a', 100);
    const command = transfer('acc-a', 'acc-b', 30, { onRead: (attempt) => (attempt === 1 ? meanwhile('acc-a', 5) : Promise.resolve()) });
    await command.run();
    expect(command.attempts()).toBe(2);
    expect(await typesIn('acc-a')).toEqual(['deposited.v2:{"cents":100}', 'deposited.v2:{"cents":5}', 'deposited.v2:{"cents":-30}']);
  });

  it('decides on what the retry reads: a conflict can turn into a refusal', async () => {
    await meanwhile('acc-a', 100);
    const command = transfer('acc-a', 'acc-b', 80, { onRead: (attempt) => (attempt === 1 ? meanwhile('acc-a', -50) : Promise.resolve()) });
    await expect(command.run()).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(command.attempts()).toBe(2);
    expect(await typesIn('acc-b')).toEqual([]);
  });

  it('gives up after three attempts in all when every one conflicts', async () => {
    await meanwhile('acc-a', 100);
    const command = transfer('acc-a', 'acc-b', 30, { onRead: () => meanwhile('acc-a', 1) });
    await expect(command.run()).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(command.attempts()).toBe(3);
  });

  it('does not retry a domain error, and writes nothing', async () => {
    const command = transfer('acc-a', 'acc-b', 30);
    await expect(command.run()).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(command.attempts()).toBe(1);
    expect(await store.headPosition()).toBe(0);
  });

  it('appends to several streams atomically: a conflict on one writes nothing to any', async () => {
    await meanwhile('acc-a', 100);
    await meanwhile('acc-b', 1);
    // acc-b moves after it was read; acc-a did not move, and must get nothing either.
    const command = transfer('acc-a', 'acc-b', 30, { attempts: 1, onRead: () => meanwhile('acc-b', 2) });
    const refused = await command.run().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WrongExpectedRevisionError);
    expect((refused as WrongExpectedRevisionError).conflicts.map((c) => c.stream)).toEqual(['acc-b']);
    expect(await typesIn('acc-a')).toEqual(['deposited.v2:{"cents":100}']);
    expect(await typesIn('acc-b')).toEqual(['deposited.v2:{"cents":1}', 'deposited.v2:{"cents":2}']);
  });

  it('answers without appending when the decision is to write nothing', async () => {
    const answer = await handleCommand(store, {
      context: contextOf(),
      read: (streams) => streams.read('acc-a', account),
      decide: (loaded) => ({ answer: { amount: loaded.state.amount } }),
    });
    expect(answer).toEqual({ amount: 0 });
    expect(await store.headPosition()).toBe(0);
  });

  it('does the work outside the log before the append, and not at all when the decider refuses', async () => {
    const done: string[] = [];
    const payOut = (cents: number) =>
      handleCommand(store, {
        context: contextOf(),
        read: (streams) => streams.read('acc-a', account),
        decide: ({ state }) => {
          if (state.amount < cents) throw new DomainError('INSUFFICIENT_FUNDS', 'not enough', {});
          return {
            append: { 'acc-a': [deposit(-cents)] },
            before: async () => {
              done.push(`paid ${cents} with ${(await store.readStream('acc-a')).length} events in the log`);
            },
            answer: () => 'paid',
          };
        },
      });
    await meanwhile('acc-a', 10);
    await expect(payOut(50)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(payOut(10)).resolves.toBe('paid');
    expect(done).toEqual(['paid 10 with 1 events in the log']);
  });

  it('derives event ids by revision when a command appends to one stream more than once', async () => {
    const context = contextOf();
    const step = () =>
      handleCommand(store, {
        context,
        eventIds: 'by-revision',
        read: (streams) => streams.read('acc-a', account),
        decide: () => ({ append: { 'acc-a': [deposit(1)] }, answer: (appended) => appended.streams[0].nextRevision }),
      });
    await expect(step()).resolves.toBe(0);
    await expect(step()).resolves.toBe(1);
    const ids = (await store.readStream('acc-a')).map((event) => event.id);
    expect(ids).toEqual([deterministicEventId(context.causationId, 'acc-a', 0), deterministicEventId(context.causationId, 'acc-a', 1)]);
  });

  describe('the upcast seam', () => {
    /** Version 1 stored whole units; version 2 stores cents. */
    const upcast: Upcast = (event: RecordedEvent) =>
      event.type === 'deposited.v1'
        ? { ...event, type: 'deposited.v2', data: { cents: (event.data as { units: number }).units * 100 } }
        : event;
    const upcasting: StreamModel<Balance, Deposited> = { ...account, upcast };

    beforeEach(async () => {
      const old = contextOf();
      await store.append('acc-old', [{ id: deterministicEventId(old.causationId, 'acc-old', 0), type: 'deposited.v1', data: { units: 2 }, metadata: { ...toAppend('acc-old', [deposit(0)], old)[0].metadata, schemaVersion: 1 } }]);
      await meanwhile('acc-old', 50);
    });

    it('turns old versions into the current one before evolve, and hands the upcast events to the handler', async () => {
      const seen = await handleCommand(store, {
        context: contextOf(),
        read: (streams) => streams.read('acc-old', upcasting),
        decide: ({ state, events }) => ({ answer: { state, types: events.map((event) => event.type) } }),
      });
      expect(seen).toEqual({ state: { amount: 250 }, types: ['deposited.v2', 'deposited.v2'] });
    });

    it('decides on the upcast state, and leaves the stored events as they were', async () => {
      const withdraw = (model: StreamModel<Balance, Deposited>) =>
        handleCommand(store, {
          context: contextOf(),
          read: (streams) => streams.read('acc-old', model),
          decide: ({ state }) => {
            if (!(state.amount >= 200)) throw new DomainError('INSUFFICIENT_FUNDS', 'not enough', {});
            return { append: { 'acc-old': [deposit(-200)] }, answer: () => 'ok' };
          },
        });
      // Without the upcast, the v1 deposit reads as nothing (`cents` undefined → NaN, never ≥ 200).
      await expect(withdraw(account)).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
      await expect(withdraw(upcasting)).resolves.toBe('ok');
      expect(await typesIn('acc-old')).toEqual(['deposited.v1:{"units":2}', 'deposited.v2:{"cents":50}', 'deposited.v2:{"cents":-200}']);
    });

    it('upcasts through a StreamStateCache too', async () => {
      const cache = new StreamStateCache<Balance>(10);
      const read = () =>
        handleCommand(store, {
          context: contextOf(),
          read: (streams) => streams.read('acc-old', upcasting, cache),
          decide: ({ state, revision }) => ({ answer: { state, revision } }),
        });
      await expect(read()).resolves.toEqual({ state: { amount: 250 }, revision: 1 });
      await store.append('acc-old', [{ ...toAppend('acc-old', [deposit(0)], contextOf())[0], type: 'deposited.v1', data: { units: 1 } }]);
      await expect(read()).resolves.toEqual({ state: { amount: 350 }, revision: 2 });
    });
  });
});
