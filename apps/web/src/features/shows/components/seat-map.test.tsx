import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SeatStore, seatStore } from '../api/seat-store';
import { applySeatStatuses, useSeats } from '../api/shows';
import { ACCESSIBLE_SEATS, CATEGORY_COLOURS, fit, layoutSeats, PITCH, sameRow, seatAt, SeatMap, type Seat, type SeatRowProps } from './seat-map';

/**
 * jsdom has no canvas: a 2D context that records what is drawn. Each fill or stroke is kept with
 * its style and the squares of its path (map units, under the transform set last), each clip as
 * its rectangle, each clear of the whole canvas.
 */
interface Drawn {
  kind: 'fill' | 'stroke';
  style: string;
  squares: { x: number; y: number; w: number; h: number }[];
}
class RecordingContext {
  fillStyle = '#000';
  strokeStyle = '#000';
  lineWidth = 1;
  font = '';
  textAlign = 'left';
  transform = [1, 0, 0, 1, 0, 0];
  drawn: Drawn[] = [];
  clips: { x: number; y: number; w: number; h: number }[] = [];
  clears = 0;
  private path: { x: number; y: number; w: number; h: number }[] = [];
  save() {}
  restore() {}
  setLineDash() {}
  fillText() {}
  fillRect() {}
  setTransform(...m: number[]) {
    this.transform = m;
  }
  clearRect() {
    this.clears++;
  }
  beginPath() {
    this.path = [];
  }
  rect(x: number, y: number, w: number, h: number) {
    this.path.push({ x, y, w, h });
  }
  roundRect(x: number, y: number, w: number, h: number) {
    this.path.push({ x, y, w, h });
  }
  clip() {
    this.clips.push(this.path[this.path.length - 1]);
  }
  fill() {
    this.drawn.push({ kind: 'fill', style: this.fillStyle, squares: this.path });
  }
  stroke() {
    this.drawn.push({ kind: 'stroke', style: this.strokeStyle, squares: this.path });
  }
  reset() {
    this.drawn = [];
    this.clips = [];
    this.clears = 0;
  }
  /** The fill a seat was drawn with last: its square is one in from its cell. */
  fillOf(number: number, rowIndex: number): string | undefined {
    const x = (number - 1) * PITCH + 1;
    const y = rowIndex * PITCH + 1;
    return this.drawn.filter((d) => d.kind === 'fill' && d.squares.some((q) => q.x === x && q.y === y)).at(-1)?.style;
  }
  /** Every seat square drawn, as "row index:number". */
  seatsDrawn(): Set<string> {
    return new Set(this.drawn.flatMap((d) => d.squares.map((q) => `${(q.y - 1) / PITCH}:${(q.x - 1) / PITCH + 1}`)));
  }
}
let ctx: RecordingContext;
beforeEach(() => {
  ctx = new RecordingContext();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
});

const categories = [
  { id: 'vip', name: 'VIP', price: 12000 },
  { id: 'std', name: 'Standard', price: 4500 },
];

const seat = (row: string, number: number, status: Seat['status'] = 'available', categoryId = 'vip'): Seat => ({
  seatId: `A-${row}-${number}`,
  sectionId: 'A',
  row,
  number,
  categoryId,
  status,
});

const SEATS: Seat[] = [seat('1', 1), seat('1', 2), seat('1', 3, 'held'), seat('2', 1, 'sold', 'std'), seat('2', 2, 'available', 'std'), seat('10', 1)];

function Harness({ seats = SEATS, max = 8 }: { seats?: Seat[]; max?: number }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return (
    <>
      <SeatMap
        seats={seats}
        categories={categories}
        selected={selected}
        label="Seats of Stalls A"
        formatPrice={(minor) => `€${(minor / 100).toFixed(2)}`}
        onToggle={(id) =>
          setSelected((current) => {
            const next = new Set(current);
            if (next.has(id)) next.delete(id);
            else if (next.size < max) next.add(id);
            return next;
          })
        }
      />
      <output data-testid="selection">{[...selected].join(',')}</output>
    </>
  );
}

const selection = () => screen.getByTestId('selection').textContent;
const seatNamed = (name: RegExp) => screen.getByRole('checkbox', { name });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the seat map', () => {
  it('lays rows out in natural order (1, 2, 10) and seats by number', () => {
    const seats = [seat('10', 1), seat('2', 2), seat('2', 1), seat('1', 1)];
    const layout = layoutSeats(seats);
    expect(layout.rows.map((row) => row.label)).toEqual(['1', '2', '10']);
    expect(layout.rows[1].seats.map((i) => seats[i].number)).toEqual([1, 2]);
  });

  it('labels every seat for screen readers: row, number, category, price and status', () => {
    render(<Harness />);
    expect(seatNamed(/^Row 1, seat 1, VIP, €120\.00, available$/)).toBeTruthy();
    expect(seatNamed(/^Row 1, seat 3, VIP, €120\.00, held by someone else$/).getAttribute('aria-disabled')).toBe('true');
    expect(seatNamed(/^Row 2, seat 1, Standard, €45\.00, sold$/).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('VIP (€120.00)');
  });

  it('draws seats coloured by category, held and sold ones grey, on the canvas', () => {
    render(<Harness />);
    // Rows: "1" is index 0, "2" index 1, "10" index 2.
    expect(ctx.fillOf(1, 0)).toBe(CATEGORY_COLOURS[0]);
    expect(ctx.fillOf(2, 1)).toBe(CATEGORY_COLOURS[1]);
    expect(ctx.fillOf(3, 0)).not.toBe(ctx.fillOf(1, 0));
    expect(ctx.fillOf(1, 1)).not.toBe(ctx.fillOf(2, 1));
    expect(ctx.fillOf(1, 1)).not.toBe(ctx.fillOf(3, 0));
    expect(ctx.seatsDrawn().size).toBe(SEATS.length);
    expect(screen.getByText('6 seats: 4 available, 1 held, 1 sold.')).toBeTruthy();
  });

  it('selects with a click and refuses held and sold seats', () => {
    render(<Harness />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const click = (name: RegExp) => {
      const target = seatNamed(name);
      fireEvent.pointerDown(target, { clientX: 0, clientY: 0 });
      fireEvent.pointerUp(target, { clientX: 0, clientY: 0 });
    };
    click(/^Row 1, seat 1,/);
    click(/^Row 1, seat 3,/);
    click(/^Row 2, seat 1,/);
    expect(selection()).toBe('A-1-1');
    expect(seatNamed(/^Row 1, seat 1,/).getAttribute('aria-checked')).toBe('true');
    expect(map).toBeTruthy();
  });

  it('has one tab stop and moves with the arrow keys; Space selects, Space again deselects', () => {
    render(<Harness />);
    const focusable = screen.getAllByRole('checkbox').filter((el) => el.getAttribute('tabindex') === '0');
    expect(focusable).toHaveLength(1);
    const first = focusable[0];
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-1-2');
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(selection()).toBe('A-1-2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-2-2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-10-1');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-2-1');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(selection()).toBe('A-1-2'); // sold: not selectable
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-1-3');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(selection()).toBe('');
  });

  it('zooms in and out and resets, and draws the view again', () => {
    render(<Harness />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const width = () => Number(map.getAttribute('data-view')!.split(' ')[2]);
    const initial = width();
    const scale = ctx.transform[0];
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(width()).toBeLessThan(initial);
    expect(ctx.transform[0]).toBeGreaterThan(scale); // drawn again, seats larger
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(width()).toBeGreaterThan(initial);
    fireEvent.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(width()).toBe(initial);
  });

  it('pans by dragging, and a drag selects nothing', () => {
    render(<Harness />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const x = () => Number(map.getAttribute('data-view')!.split(' ')[0]);
    const before = x();
    const target = seatNamed(/^Row 1, seat 1,/);
    fireEvent.pointerDown(target, { clientX: 100, clientY: 100 });
    fireEvent.pointerMove(target, { clientX: 60, clientY: 100 });
    fireEvent.pointerUp(target, { clientX: 60, clientY: 100 });
    expect(x()).not.toBe(before);
    expect(selection()).toBe('');
  });

  it('repaints a seat that turns held while the map is open', () => {
    const { rerender } = render(<Harness seats={SEATS} />);
    expect(seatNamed(/^Row 1, seat 2,.*available$/)).toBeTruthy();
    ctx.reset();
    rerender(<Harness seats={SEATS.map((s) => (s.seatId === 'A-1-2' ? { ...s, status: 'held' } : s))} />);
    expect(seatNamed(/^Row 1, seat 2,.*held by someone else$/).getAttribute('aria-disabled')).toBe('true');
    expect(ctx.fillOf(2, 0)).toBe(ctx.fillOf(3, 0)); // drawn as the held seat beside it
    expect(ctx.clears).toBe(0);
  });

  it('keeps the zoom while seats change status, and starts over for a map of other dimensions', () => {
    const { rerender } = render(<Harness seats={SEATS} />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const width = () => Number(map.getAttribute('data-view')!.split(' ')[2]);
    const initial = width();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const zoomed = width();
    expect(zoomed).toBeLessThan(initial);
    rerender(<Harness seats={SEATS.map((s) => (s.seatId === 'A-1-2' ? { ...s, status: 'held' } : s))} />);
    expect(width()).toBe(zoomed);
    rerender(<Harness seats={[...SEATS, seat('1', 9)]} />);
    expect(width()).toBeGreaterThan(zoomed);
  });
});

describe('a live update of the seat map', () => {
  const rowProps = (seats: Seat[], selected: ReadonlySet<string> = new Set(), focusTarget = 'A-1-1') => {
    const layout = layoutSeats(seats);
    return layout.rows.map((row, r): SeatRowProps => ({
      seats: row.seats.map((i) => seats[i]),
      y: r * 12,
      categoryText: TEXTS,
      selected,
      focusTarget,
    }));
  };
  const TEXTS = new Map([['vip', ', VIP, €120.00']]);

  it('re-renders only the row of the seat that changed', () => {
    const before = rowProps(SEATS);
    const after = rowProps(SEATS.map((s) => (s.seatId === 'A-2-2' ? { ...s, status: 'held' as const } : s)));
    expect(before.map((props, r) => sameRow(props, after[r]))).toEqual([true, false, true]);
  });

  it('re-renders only the rows whose selection or tab stop moved', () => {
    const before = rowProps(SEATS);
    const selected = before.map((props) => ({ ...props, selected: new Set(['A-10-1']) }));
    expect(before.map((props, r) => sameRow(props, selected[r]))).toEqual([true, true, false]);
    const moved = before.map((props) => ({ ...props, focusTarget: 'A-2-1' }));
    expect(before.map((props, r) => sameRow(props, moved[r]))).toEqual([false, false, true]);
  });

  it('keeps the keyboard position across a status change elsewhere', () => {
    const { rerender } = render(<Harness seats={SEATS} />);
    const first = screen.getAllByRole('checkbox').find((el) => el.getAttribute('tabindex') === '0')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-1-2');
    rerender(<Harness seats={SEATS.map((s) => (s.seatId === 'A-10-1' ? { ...s, status: 'sold' } : s))} />);
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-1-2');
    expect(seatNamed(/^Row 10, seat 1,.*sold$/).getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-1-3');
  });
});

describe('a section larger than the accessible window (60 rows of 100 seats)', { timeout: 30_000 }, () => {
  const BIG: Seat[] = Array.from({ length: 60 * 100 }, (_, i) => seat(String(Math.floor(i / 100) + 1), (i % 100) + 1, i % 7 === 3 ? 'sold' : 'available'));
  // Role queries compute every element's name, slow in jsdom over a thousand seats: selectors here.
  const checkboxes = () => [...document.querySelectorAll<HTMLElement>('[role="checkbox"]')];
  const named = (name: RegExp) => checkboxes().find((el) => name.test(el.getAttribute('aria-label') ?? ''));

  it('gives elements to at most ACCESSIBLE_SEATS seats, and draws every seat', () => {
    render(<Harness seats={BIG} />);
    expect(checkboxes().length).toBeLessThanOrEqual(ACCESSIBLE_SEATS);
    expect(named(/^Row 1, seat 1, VIP, €120\.00, available$/)).toBeTruthy();
    expect(named(/^Row 60, seat 1,/)).toBeUndefined();
    expect(ctx.seatsDrawn().size).toBe(BIG.length);
  });

  it('a live change redraws only that seat: its cell, clipped, nothing cleared', () => {
    const { rerender } = render(<Harness seats={BIG} />);
    ctx.reset();
    // Row 50 has no elements: the change is on the canvas only.
    rerender(<Harness seats={BIG.map((s) => (s.seatId === 'A-50-40' ? { ...s, status: 'held' } : s))} />);
    expect(ctx.clears).toBe(0);
    expect(ctx.clips).toHaveLength(1);
    const [clip] = ctx.clips;
    // The cell of seat 40 of row 50 (index 49) and no more than a device pixel around it.
    const pixel = 1 / ctx.transform[0];
    expect(clip.x).toBeLessThanOrEqual(39 * PITCH - 0.5);
    expect(clip.x).toBeGreaterThanOrEqual(39 * PITCH - 0.5 - pixel);
    expect(clip.y).toBeLessThanOrEqual(49 * PITCH - 0.5);
    expect(clip.y + clip.h).toBeGreaterThanOrEqual(50 * PITCH + 0.5);
    expect(clip.w).toBeLessThanOrEqual(PITCH + 1 + 2 * pixel);
    // That seat, and only its neighbours that reach into the clip.
    const drawn = ctx.seatsDrawn();
    expect(drawn.has('49:40')).toBe(true);
    expect(drawn.size).toBeLessThanOrEqual(9);
    for (const key of drawn) {
      const [r, n] = key.split(':').map(Number);
      expect(Math.abs(r - 49)).toBeLessThanOrEqual(1);
      expect(Math.abs(n - 40)).toBeLessThanOrEqual(1);
    }
    expect(ctx.fillOf(40, 49)).toBe('#cbd5e1');
  });

  it('a selection redraws the seat chosen, outlined', () => {
    render(<Harness seats={BIG} />);
    ctx.reset();
    const target = named(/^Row 2, seat 5,/)!;
    fireEvent.pointerDown(target, { clientX: 0, clientY: 0 });
    fireEvent.pointerUp(target, { clientX: 0, clientY: 0 });
    expect(selection()).toBe('A-2-5');
    expect(ctx.clips).toHaveLength(1);
    expect(ctx.drawn.some((d) => d.kind === 'stroke' && d.style === '#000' && d.squares.some((q) => q.x === 4 * PITCH + 1 && q.y === PITCH + 1))).toBe(true);
  });

  it('the keyboard reaches a seat far below the first rows, the elements follow, and its label is announced', () => {
    render(<Harness seats={BIG} />);
    const first = checkboxes().find((el) => el.getAttribute('tabindex') === '0')!;
    first.focus();
    for (let i = 0; i < 4; i++) fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    for (let i = 0; i < 5; i++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    const active = document.activeElement!;
    expect(active.getAttribute('role')).toBe('checkbox');
    // What a screen reader says of the focused element: its accessible name and state.
    expect(active.getAttribute('aria-label')).toBe('Row 46, seat 1, VIP, €120.00, available');
    expect(active.getAttribute('tabindex')).toBe('0');
    expect(checkboxes().filter((el) => el.getAttribute('tabindex') === '0')).toEqual([active]);
    expect(named(/^Row 1, seat 1,/)).toBeUndefined();
    expect(checkboxes().length).toBeLessThanOrEqual(ACCESSIBLE_SEATS);
    fireEvent.keyDown(active, { key: ' ' });
    expect(selection()).toBe('A-46-1');
  });

  it('the view follows the keyboard out of it when zoomed in', () => {
    render(<Harness seats={BIG} />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const before = Number(map.getAttribute('data-view')!.split(' ')[1]);
    const first = checkboxes().find((el) => el.getAttribute('tabindex') === '0')!;
    first.focus();
    for (let i = 0; i < 5; i++) fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(document.activeElement?.getAttribute('data-seat')).toBe('A-51-1');
    // Row 51 (index 50) is now in the view, which it was not.
    const [, y, , h] = map.getAttribute('data-view')!.split(' ').map(Number);
    expect(before + h).toBeLessThan(50 * PITCH);
    expect(y).toBeLessThanOrEqual(50 * PITCH);
    expect(y + h).toBeGreaterThanOrEqual(51 * PITCH);
  });

  it('a click where a seat without an element is drawn selects it (the canvas hit test); a click in the gap, nothing', () => {
    render(<Harness seats={BIG} />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    expect(named(/^Row 55, seat 20,/)).toBeUndefined();
    const [x, y, w, h] = map.getAttribute('data-view')!.split(' ').map(Number);
    // jsdom lays nothing out: the map's box keeps its default size, 640 wide at the map's aspect.
    const fitted = fit({ x, y, w, h }, 640, 640 * (h / w));
    const at = (mx: number, my: number) => ({ clientX: fitted.left + mx * fitted.scale, clientY: fitted.top + my * fitted.scale });
    const click = (point: { clientX: number; clientY: number }) => {
      fireEvent.pointerDown(map, point);
      fireEvent.pointerUp(map, point);
    };
    click(at(19 * PITCH + 0.5, 54 * PITCH + 6)); // the gap left of seat 20
    expect(selection()).toBe('');
    click(at(19 * PITCH + 6, 54 * PITCH + 6));
    expect(selection()).toBe('A-55-20');
  });
});

describe('seatAt (the canvas hit test)', () => {
  const seats = [seat('1', 1), seat('1', 2), seat('1', 4), seat('2', 1)];
  const layout = layoutSeats(seats);
  it('finds the seat whose square holds the point, and nothing in the gaps or where no seat is', () => {
    expect(seatAt(layout, seats, 1, 1)).toBe(0);
    expect(seatAt(layout, seats, 11, 11)).toBe(0);
    expect(seatAt(layout, seats, 11.5, 5)).toBeUndefined();
    expect(seatAt(layout, seats, PITCH + 5, 5)).toBe(1);
    expect(seatAt(layout, seats, 2 * PITCH + 5, 5)).toBeUndefined(); // seat 3 does not exist
    expect(seatAt(layout, seats, 3 * PITCH + 5, 5)).toBe(2);
    expect(seatAt(layout, seats, 5, PITCH + 5)).toBe(3);
    expect(seatAt(layout, seats, 5, 2 * PITCH + 5)).toBeUndefined();
    expect(seatAt(layout, seats, -3, 5)).toBeUndefined();
  });
});

describe('a live update through the seat store (the live stream\'s path)', { timeout: 30_000 }, () => {
  const section = (rows: number): Seat[] => Array.from({ length: rows * 100 }, (_, i) => seat(String(Math.floor(i / 100) + 1), (i % 100) + 1, i % 7 === 3 ? 'sold' : 'available'));
  // Each seat object counts the reads of its fields: what a live update looks at of the section.
  const counted = (seats: Seat[]) => {
    const reads = { n: 0 };
    const handler: ProxyHandler<Seat> = {
      get: (target, key, receiver) => {
        reads.n++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    };
    return { seats: seats.map((s) => new Proxy(s, handler)), reads };
  };
  const layerMutations = () => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document.querySelector('.seat-layer')!, { subtree: true, attributes: true, childList: true, characterData: true });
    return async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      records.push(...observer.takeRecords());
      observer.disconnect();
      return records;
    };
  };

  it('reads only the changed seat and its neighbours, the same for 2,000 and 8,000 seats, and draws only its cell', async () => {
    const work = async (rows: number) => {
      const { seats, reads } = counted(section(rows));
      render(<Harness seats={seats} />);
      ctx.reset();
      const mutations = layerMutations();
      reads.n = 0;
      // Row 15 has no elements (the first 12 rows of 100 fill ACCESSIBLE_SEATS): the canvas only.
      act(() => void seatStore(seats).apply(new Map([['A-15-40', 'held']])));
      const n = reads.n;
      expect(ctx.clears).toBe(0);
      expect(ctx.clips).toHaveLength(1);
      expect(ctx.fillOf(40, 14)).toBe('#cbd5e1');
      expect([...ctx.seatsDrawn()].every((key) => Math.abs(Number(key.split(':')[0]) - 14) <= 1)).toBe(true);
      expect(await mutations()).toEqual([]); // no element rendered again
      expect(screen.getByText(`${(rows * 100).toLocaleString('en')} seats:`, { exact: false }).textContent).toMatch(/ 1 held,/);
      cleanup();
      return n;
    };
    const small = await work(20);
    const large = await work(80);
    // The old path (withStatuses: a new array for the section with the changed seat's object
    // replaced, rendered again) looked at every seat, its id and status, five reads a seat:
    // 10,087 reads for 2,000 seats and 40,087 for 8,000 (main 7548739, this count).
    expect(small).toBeLessThan(100);
    expect(large).toBe(small);
  });

  it('a seat in view: its element turns held (label, aria-disabled), and no other element changes', async () => {
    const seats = section(20);
    render(<Harness seats={seats} />);
    const mutations = layerMutations();
    act(() => void seatStore(seats).apply(new Map([['A-3-7', 'held'], ['A-99-1', 'sold']])));
    const target = document.querySelector<HTMLElement>('[data-seat="A-3-7"]')!;
    expect(target.getAttribute('aria-label')).toBe('Row 3, seat 7, VIP, €120.00, held by someone else');
    expect(target.getAttribute('aria-disabled')).toBe('true');
    const changed = new Set((await mutations()).map((m) => (m.target as Element).getAttribute('data-seat')));
    expect([...changed]).toEqual(['A-3-7']);
    // A held seat is not selectable, by click or keyboard.
    fireEvent.pointerDown(target, { clientX: 0, clientY: 0 });
    fireEvent.pointerUp(target, { clientX: 0, clientY: 0 });
    expect(selection()).toBe('');
  });

  it('keeps the store apart from the answer: the answer is not written, counts follow, repeated statuses change nothing', () => {
    const store = new SeatStore(SEATS);
    const heard: (readonly number[])[] = [];
    store.subscribe((changed) => heard.push(changed));
    expect(store.apply(new Map([['A-1-1', 'held'], ['A-2-2', 'sold'], ['A-1-3', 'held'], ['nope', 'sold']]))).toEqual([0, 4]);
    expect(store.seats.map((s) => s.status)).toEqual(['held', 'available', 'held', 'sold', 'sold', 'available']);
    expect(SEATS[0].status).toBe('available');
    expect(store.seats[1]).toBe(SEATS[1]);
    expect(store.counts()).toEqual({ available: 2, held: 2, sold: 2 });
    expect(store.apply(new Map([['A-1-1', 'held']]))).toEqual([]);
    expect(heard).toEqual([[0, 4]]);
    expect(seatStore(SEATS)).toBe(seatStore(SEATS));
  });
});

describe('the live seats and the query cache', () => {
  const answers: Seat[][] = [];
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ showId: 's', seats: answers.shift() }), { status: 200, headers: { 'content-type': 'application/json' } })),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  function Section() {
    const seats = useSeats('s', 'A', false);
    return seats.data ? <SeatMap seats={seats.data.seats} categories={categories} selected={new Set()} onToggle={() => undefined} label="Seats of Stalls A" formatPrice={(minor) => `€${minor / 100}`} /> : null;
  }

  it('a live update reaches the cached answer\'s store and the map; a refetch\'s answer wins, drawn where it differs', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    answers.push(SEATS, SEATS.map((s) => ({ ...s, status: s.seatId === 'A-2-2' ? 'sold' : s.status })));
    render(
      <QueryClientProvider client={client}>
        <Section />
      </QueryClientProvider>,
    );
    await screen.findByText('6 seats: 4 available, 1 held, 1 sold.');
    const key = ['shows', 's', 'seats', 'A'];
    const cached = client.getQueryData<{ seats: Seat[] }>(key)!;
    ctx.reset();
    act(() => applySeatStatuses(client, 's', new Map([['A-1-2', 'held']])));
    expect(seatNamed(/^Row 1, seat 2,.*held by someone else$/)).toBeTruthy();
    expect(client.getQueryData(key)).toBe(cached); // the cache was not written (nor copied)
    expect(seatStore(cached.seats).seats[1].status).toBe('held');
    expect(ctx.clips).toHaveLength(1);
    // The server's answer to a refetch: A-1-2 available again (its release missed), A-2-2 sold.
    ctx.reset();
    await act(() => client.refetchQueries({ queryKey: key }));
    await screen.findByText('6 seats: 3 available, 1 held, 2 sold.');
    expect(seatNamed(/^Row 1, seat 2,.*available$/)).toBeTruthy();
    expect(seatNamed(/^Row 2, seat 2,.*sold$/).getAttribute('aria-disabled')).toBe('true');
    expect(ctx.clears).toBe(0);
    expect(ctx.clips).toHaveLength(2); // the two seats that differ from what was drawn
    expect(ctx.fillOf(2, 0)).toBe(CATEGORY_COLOURS[0]);
  });
});
