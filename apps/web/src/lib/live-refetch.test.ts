import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ignoreReplaced, readAgain } from './live-refetch';

/**
 * Live events read a query again while another read of it may be under way: the page's own
 * (a payment's read of its booking) or an earlier event's. A replaced read must settle quietly:
 * in the browser an unhandled CancelledError is a page error (the box-office e2e test saw one
 * when a reload replayed a booking's events back to back).
 */

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('reading a query again for a live event', () => {
  it('replaces a read under way, and the replaced one settles without an error', async () => {
    const queries = new QueryClient();
    const first = readAgain(queries, ['booking'], () => later('as of the first event', 50));
    await later(null, 0); // EventSource dispatches each message in a task of its own
    const second = readAgain(queries, ['booking'], () => later('as of the second event', 5));
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBe('as of the second event');
    expect(queries.getQueryData(['booking'])).toBe('as of the second event');
  });

  it('asks again rather than joining a read that started before the event', async () => {
    const queries = new QueryClient();
    let asked = 0;
    const read = (answer: string) => () => {
      asked += 1;
      return later(answer, 20);
    };
    const before = queries.fetchQuery({ queryKey: ['sales'], queryFn: read('before the event') }).catch(ignoreReplaced);
    await readAgain(queries, ['sales'], read('at the event'));
    expect(asked).toBe(2);
    await expect(before).resolves.toBeUndefined();
    expect(queries.getQueryData(['sales'])).toBe('at the event');
  });

  it('leaves a failed read in the query state, and the promise resolves', async () => {
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(readAgain(queries, ['tickets'], () => Promise.reject(new Error('503')))).resolves.toBeUndefined();
    expect(queries.getQueryState(['tickets'])?.error).toEqual(new Error('503'));
  });
});

describe('ignoreReplaced (for whoever awaits a read: a payment, a transfer)', () => {
  it('turns a read that a newer one replaced into nothing', async () => {
    const queries = new QueryClient();
    const paymentsRead = queries.fetchQuery({ queryKey: ['booking'], queryFn: () => later('paid', 50) }).catch(ignoreReplaced);
    await readAgain(queries, ['booking'], () => later('confirmed', 5));
    await expect(paymentsRead).resolves.toBeUndefined();
  });

  it('lets any other error through', async () => {
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(queries.fetchQuery({ queryKey: ['booking'], queryFn: () => Promise.reject(new Error('404')) }).catch(ignoreReplaced)).rejects.toThrow('404');
  });
});
