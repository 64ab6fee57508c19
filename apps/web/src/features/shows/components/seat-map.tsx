import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { components } from '@/lib/api/openapi';
import { type SeatStore, seatStore } from '../api/seat-store';

export type Seat = components['schemas']['SeatView'];
export interface Category {
  id: string;
  name: string;
  price: number;
}

/** Colour-blind-safe palette (Okabe–Ito), one colour per category in the show's order. */
export const CATEGORY_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7F3C8D', '#3B7A57'];
const HELD = '#cbd5e1';
const SOLD = '#475569';
const FREE_OUTLINE = '#64748b';
/** A seat's cell, in map units: the seat is SIZE square with corners of 2, a unit in from its cell. */
export const PITCH = 12;
const SIZE = 10;
/**
 * At most this many seats get an element of their own (a labelled checkbox) at a time: the rows in
 * view around the keyboard's position. The rest are pixels on the canvas; the arrow keys move the
 * window. Small sections (the tests', a theatre's) have every seat as an element.
 */
export const ACCESSIBLE_SEATS = 1_200;

interface Layout {
  /** Rows top to bottom; each row's seats, left to right, as indexes into the seats array. */
  rows: { label: string; seats: number[] }[];
  position: Map<string, { x: number; row: number; index: number }>;
  width: number;
  height: number;
}

const naturalOrder = new Intl.Collator(undefined, { numeric: true }).compare;

/**
 * Rows top to bottom in natural order (1, 2, … 10), seats left to right by number. The layout
 * depends only on which seats there are (ids, rows, numbers), never on their status: it is made
 * once per section and kept while live updates change statuses (see `useSeatLayout`).
 */
export const layoutSeats = (seats: readonly Seat[]): Layout => {
  const byRow = new Map<string, number[]>();
  seats.forEach((seat, i) => {
    const key = `${seat.sectionId}\u0000${seat.row}`;
    const row = byRow.get(key);
    if (row) row.push(i);
    else byRow.set(key, [i]);
  });
  const keys = [...byRow.keys()].sort(naturalOrder);
  const rows = keys.map((key) => ({ label: seats[byRow.get(key)![0]].row, seats: byRow.get(key)!.sort((a, b) => seats[a].number - seats[b].number) }));
  const position = new Map<string, { x: number; row: number; index: number }>();
  let width = 0;
  rows.forEach((row, r) =>
    row.seats.forEach((i, index) => {
      const x = (seats[i].number - 1) * PITCH;
      width = Math.max(width, x + PITCH);
      position.set(seats[i].seatId, { x, row: r, index });
    }),
  );
  return { rows, position, width: Math.max(width, PITCH), height: Math.max(rows.length * PITCH, PITCH) };
};

const sameSeatIds = (a: readonly Seat[], b: readonly Seat[]): boolean => a.length === b.length && a.every((seat, i) => seat.seatId === b[i].seatId);

/**
 * The layout of a store's seats, made again only when the seats themselves differ (another
 * section, seats added): a refetch gives a new answer (a new store) with the same ids in the same
 * order, and keeps the layout, its rows and so the memoised rows below. Live updates change no
 * store: they never come here.
 */
const useSeatLayout = (store: SeatStore): Layout => {
  const [made, setMade] = useState(() => ({ store, layout: layoutSeats(store.seats) }));
  if (made.store === store) return made.layout;
  // Adjusting state while rendering (react.dev, "storing information from previous renders").
  const next = sameSeatIds(made.store.seats, store.seats) ? { store, layout: made.layout } : { store, layout: layoutSeats(store.seats) };
  setMade(next);
  return next.layout;
};

const STATUS_WORDS: Record<Seat['status'], string> = { available: 'available', held: 'held by someone else', sold: 'sold' };

interface SeatMapProps {
  /**
   * The section's seats as answered (a cached answer's `seats`, or a draft's): the map follows
   * their store (`seatStore(seats)`), which live updates change without a new render of the page.
   */
  seats: readonly Seat[];
  categories: readonly Category[];
  selected: ReadonlySet<string>;
  onToggle: (seatId: string) => void;
  /** The label of the whole map for screen readers, e.g. "Seats of Stalls A". */
  label: string;
  formatPrice: (minor: number) => string;
}

/** The part of the map shown, in map units (a seat's cell is PITCH square), as an SVG viewBox would say it. */
export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * How a view is drawn in a box of `width` × `height` CSS pixels: scaled to fit and centred, as an
 * SVG viewBox with `xMidYMid meet`. `toScreen` maps a map point to the box; `visible` is the whole
 * map region the box shows (the view and its letterbox).
 */
export const fit = (view: View, width: number, height: number) => {
  const scale = Math.min(width / view.w, height / view.h);
  const left = (width - view.w * scale) / 2 - view.x * scale;
  const top = (height - view.h * scale) / 2 - view.y * scale;
  return {
    scale,
    left,
    top,
    toMap: (px: number, py: number) => ({ x: (px - left) / scale, y: (py - top) / scale }),
    visible: { x0: -left / scale, y0: -top / scale, x1: (width - left) / scale, y1: (height - top) / scale },
  };
};

/** The first index of `row` (seat indexes sorted by number) whose seat's number is at least `number`. */
const firstFrom = (seats: readonly Seat[], row: readonly number[], number: number): number => {
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seats[row[mid]].number < number) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * The seat drawn at map point (x, y), exactly: inside its SIZE square, not in the gap around it.
 * Answers the seat's index in `seats`, or undefined.
 */
export const seatAt = (layout: Layout, seats: readonly Seat[], x: number, y: number): number | undefined => {
  const r = Math.floor(y / PITCH);
  const n = Math.floor(x / PITCH) + 1;
  const inX = x - (n - 1) * PITCH;
  const inY = y - r * PITCH;
  if (r < 0 || r >= layout.rows.length || inX < 1 || inX > 1 + SIZE || inY < 1 || inY > 1 + SIZE) return undefined;
  const row = layout.rows[r].seats;
  const at = firstFrom(seats, row, n);
  return at < row.length && seats[row[at]].number === n ? row[at] : undefined;
};

interface Paint {
  layout: Layout;
  seats: readonly Seat[];
  colourOf: ReadonlyMap<string, string>;
  selected: ReadonlySet<string>;
}

const fillOf = (seat: Seat, colourOf: ReadonlyMap<string, string>): string =>
  seat.status === 'available' ? (colourOf.get(seat.categoryId) ?? FREE_OUTLINE) : seat.status === 'held' ? HELD : SOLD;

/**
 * Draws the region [x0, x1] × [y0, y1] of the map (map units, under the context's transform) from
 * nothing: clears it, then draws every seat and row label that reaches into it, clipped to it. So
 * a whole view and one seat's cell are drawn by the same code, and redrawing a cell leaves exactly
 * the pixels a full draw would have left. Seats are batched by style: one path and one fill per
 * colour, one stroke per outline kind.
 */
export const drawRegion = (ctx: CanvasRenderingContext2D, paint: Paint, x0: number, y0: number, x1: number, y1: number, pixel: number) => {
  const { layout, seats, colourOf, selected } = paint;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y0, x1 - x0, y1 - y0);
  ctx.clip();
  ctx.fillStyle = '#fff';
  ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  // Corners only where they show (2 units at least a device pixel): rects are much cheaper.
  const round = 2 / pixel >= 1;
  const fills = new Map<string, number[]>();
  const held: number[] = [];
  const sold: number[] = [];
  const chosen: number[] = [];
  const margin = 2;
  const rFrom = Math.max(0, Math.floor((y0 - margin) / PITCH));
  const rTo = Math.min(layout.rows.length - 1, Math.floor((y1 + margin) / PITCH));
  for (let r = rFrom; r <= rTo; r++) {
    const row = layout.rows[r].seats;
    const nTo = Math.floor((x1 + margin) / PITCH) + 1;
    for (let k = firstFrom(seats, row, Math.floor((x0 - margin) / PITCH) + 1); k < row.length; k++) {
      const i = row[k];
      const seat = seats[i];
      if (seat.number > nTo) break;
      const fill = fillOf(seat, colourOf);
      const list = fills.get(fill);
      if (list) list.push(i);
      else fills.set(fill, [i]);
      if (seat.status === 'held') held.push(i);
      else if (seat.status === 'sold') sold.push(i);
      if (selected.has(seat.seatId)) chosen.push(i);
    }
  }
  const trace = (indexes: readonly number[]) => {
    ctx.beginPath();
    for (const i of indexes) {
      const at = layout.position.get(seats[i].seatId)!;
      if (round) ctx.roundRect(at.x + 1, at.row * PITCH + 1, SIZE, SIZE, 2);
      else ctx.rect(at.x + 1, at.row * PITCH + 1, SIZE, SIZE);
    }
  };
  for (const [fill, indexes] of fills) {
    ctx.fillStyle = fill;
    trace(indexes);
    ctx.fill();
  }
  ctx.strokeStyle = FREE_OUTLINE;
  ctx.lineWidth = 0.5;
  if (sold.length > 0) {
    trace(sold);
    ctx.stroke();
  }
  if (held.length > 0) {
    ctx.setLineDash([2, 1]);
    trace(held);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (chosen.length > 0) {
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2.5;
    trace(chosen);
    ctx.stroke();
  }
  if (x0 < 0) {
    ctx.fillStyle = '#334155';
    ctx.font = '7px sans-serif';
    ctx.textAlign = 'right';
    for (let r = rFrom; r <= rTo; r++) ctx.fillText(layout.rows[r].label, -2, r * PITCH + SIZE);
  }
  ctx.restore();
};

/** What the canvas shows, as last drawn in full: the seats, the view, the context drawn with. */
interface Drawn {
  paint: Paint;
  fitted: ReturnType<typeof fit>;
  ratio: number;
  context: CanvasRenderingContext2D;
}

/**
 * Draws again the cells of these seats (indexes into the seats drawn): each seat's cell and half a
 * unit around it (a selection's outline), out to whole device pixels, by `drawRegion`. Marks
 * `seat-map:drawn` naming them, for bench:web (removed at once; an observer still sees it).
 */
const drawCells = ({ paint, fitted, ratio, context }: Drawn, changed: readonly number[]) => {
  if (changed.length === 0) return;
  const { layout, seats } = paint;
  const pixel = 1 / (fitted.scale * ratio);
  const device = (v: number, offset: number) => (v * fitted.scale + offset) * ratio;
  for (const i of changed) {
    const at = layout.position.get(seats[i].seatId);
    if (!at) continue;
    const x0 = (Math.floor(device(at.x - 0.5, fitted.left)) / ratio - fitted.left) / fitted.scale;
    const x1 = (Math.ceil(device(at.x + PITCH + 0.5, fitted.left)) / ratio - fitted.left) / fitted.scale;
    const y0 = (Math.floor(device(at.row * PITCH - 0.5, fitted.top)) / ratio - fitted.top) / fitted.scale;
    const y1 = (Math.ceil(device((at.row + 1) * PITCH + 0.5, fitted.top)) / ratio - fitted.top) / fitted.scale;
    drawRegion(context, paint, x0, y0, x1, y1, pixel);
  }
  performance.mark('seat-map:drawn', { detail: { seats: changed.map((i) => seats[i].seatId) } });
  performance.clearMarks('seat-map:drawn');
};

export interface SeatRowProps {
  /** The seats of this row that have elements, left to right: the objects as they are now. */
  seats: readonly Seat[];
  y: number;
  categoryText: ReadonlyMap<string, string>;
  selected: ReadonlySet<string>;
  /** The seat with the map's one tab stop, wherever it is. */
  focusTarget: string | undefined;
}

/**
 * A row re-renders only when one of its own seats changed (a new object: its status), was
 * selected or deselected, or took or gave up the tab stop: a live update of one seat in view
 * renders one row, and one out of view renders none (the map is not rendered at all).
 */
export const sameRow = (before: SeatRowProps, after: SeatRowProps): boolean => {
  if (before.seats.length !== after.seats.length || before.y !== after.y || before.categoryText !== after.categoryText) return false;
  for (let k = 0; k < after.seats.length; k++) {
    const seat = after.seats[k];
    if (before.seats[k] !== seat) return false;
    if (before.selected !== after.selected && before.selected.has(seat.seatId) !== after.selected.has(seat.seatId)) return false;
    if (before.focusTarget !== after.focusTarget && (seat.seatId === before.focusTarget || seat.seatId === after.focusTarget)) return false;
  }
  return true;
};

/**
 * The seats of one row that have elements: each a labelled checkbox lying exactly over its seat's
 * pixels (transparent: the canvas shows through), so a click or a tap lands on it, and a screen
 * reader or the keyboard reaches it. Only the seat holding the tab stop has a tabindex, and
 * `aria-disabled` is written only on seats that are not free.
 */
const SeatRow = memo(function SeatRow({ seats, y, categoryText, selected, focusTarget }: SeatRowProps) {
  return (
    <div role="presentation" style={{ top: y + 1 }}>
      {seats.map((seat) => {
        const free = seat.status === 'available';
        const chosen = selected.has(seat.seatId);
        return (
          <div
            key={seat.seatId}
            data-seat={seat.seatId}
            role="checkbox"
            aria-checked={chosen}
            aria-disabled={free ? undefined : true}
            aria-label={`Row ${seat.row}, seat ${seat.number}${categoryText.get(seat.categoryId) ?? ''}, ${chosen ? 'selected' : STATUS_WORDS[seat.status]}`}
            tabIndex={seat.seatId === focusTarget ? 0 : undefined}
            style={{ left: (seat.number - 1) * PITCH + 1 }}
          />
        );
      })}
    </div>
  );
}, sameRow);

/** Row slices by layout, kept while the layout is, so a row keeps its array (and its memo) as the window moves. */
const slices = new WeakMap<Layout, Map<string, number[]>>();

/**
 * Which seats get elements: the rows the view shows, nearest the keyboard's row (or the top of the
 * view) first, each cut to the columns in view, until ACCESSIBLE_SEATS; and the tab stop's seat
 * wherever it is, so Tab always reaches the map. Answers [row index, seat indexes] pairs, top to
 * bottom; a row's array is the same from one call to the next while it holds the same seats, so
 * the rows' memo holds.
 */
const useAccessibleRows = (layout: Layout, seats: readonly Seat[], visible: { x0: number; y0: number; x1: number; y1: number }, focusTarget: string | undefined) =>
  useMemo(() => {
    const rFirst = Math.max(0, Math.floor(visible.y0 / PITCH));
    const rLast = Math.min(layout.rows.length - 1, Math.floor(visible.y1 / PITCH));
    const nFrom = Math.floor(visible.x0 / PITCH) + 1;
    const nTo = Math.floor(visible.x1 / PITCH) + 1;
    const focus = focusTarget ? layout.position.get(focusTarget) : undefined;
    const anchor = focus && focus.row >= rFirst && focus.row <= rLast ? focus.row : rFirst;
    const slice = (r: number) => {
      const row = layout.rows[r].seats;
      const from = firstFrom(seats, row, nFrom);
      const to = firstFrom(seats, row, nTo + 1);
      return { from, to };
    };
    const chosen = new Map<number, { from: number; to: number }>();
    let count = 0;
    for (let d = 0; anchor - d >= rFirst || anchor + d <= rLast; d++) {
      const candidates = d === 0 ? [anchor] : [anchor + d, anchor - d];
      let full = false;
      for (const r of candidates) {
        if (r < rFirst || r > rLast) continue;
        const part = slice(r);
        if (count + (part.to - part.from) > ACCESSIBLE_SEATS) {
          full = true;
          break;
        }
        count += part.to - part.from;
        chosen.set(r, part);
      }
      if (full) break;
    }
    let cache = slices.get(layout);
    if (!cache || cache.size > 10_000) slices.set(layout, (cache = new Map()));
    const rows: [number, number[]][] = [];
    const keep = (r: number, from: number, to: number, extra?: number) => {
      const key = `${r}:${from}:${to}:${extra ?? ''}`;
      let indexes = cache.get(key);
      if (!indexes) {
        indexes = layout.rows[r].seats.slice(from, to);
        if (extra !== undefined) indexes = [...indexes, extra].sort((a, b) => seats[a].number - seats[b].number);
        cache.set(key, indexes);
      }
      rows.push([r, indexes]);
    };
    const focusIndex = focus ? layout.rows[focus.row].seats[focus.index] : undefined;
    for (const r of [...chosen.keys(), ...(focus && !chosen.has(focus.row) ? [focus.row] : [])].sort((a, b) => a - b)) {
      const part = chosen.get(r) ?? { from: 0, to: 0 };
      const outside = focus && focus.row === r && (focus.index < part.from || focus.index >= part.to) ? focusIndex : undefined;
      keep(r, part.from, part.to, outside);
    }
    return rows;
    // The layout's seats are the same ids while statuses change: the rows depend on the layout only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, visible.x0, visible.y0, visible.x1, visible.y1, focusTarget]);

/**
 * Size of the map's box in CSS pixels, followed with a ResizeObserver; `measured` once read (jsdom
 * lays nothing out and has no ResizeObserver: a default size then), so nothing is drawn at a guess.
 */
const useBoxSize = (element: RefObject<HTMLDivElement | null>, aspect: number) => {
  const [size, setSize] = useState({ w: 640, h: 640 * aspect, measured: false });
  useLayoutEffect(() => {
    const box = element.current;
    if (!box) return;
    const measure = () => {
      const w = box.clientWidth;
      const h = box.clientHeight;
      setSize((s) => (w > 0 && h > 0 ? (s.w === w && s.h === h && s.measured ? s : { w, h, measured: true }) : s.measured ? s : { ...s, measured: true }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [element]);
  return size;
};

/** devicePixelRatio, followed as it changes (browser zoom, another screen). */
const usePixelRatio = () => {
  const [ratio, setRatio] = useState(() => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const changed = () => setRatio(window.devicePixelRatio || 1);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, [ratio]);
  return ratio;
};

/**
 * The seat map of one section: the seats drawn on a canvas (sharp at the screen's pixel ratio),
 * coloured by category with a legend, held and sold seats greyed, zoom (buttons, wheel) and pan
 * (drag). A live change redraws only the changed seats' cells; zoom, pan and a resize draw the
 * view again. Over the canvas lie the accessible seats, for the rows in view up to
 * ACCESSIBLE_SEATS: each a labelled checkbox exactly over its pixels. The keyboard: Tab reaches
 * the map, the arrow keys (and Home, End, Page Up, Page Down) move between seats (one tab stop, a
 * roving tabindex), the view follows, and Space or Enter selects. docs/decisions/0015.
 */
export function SeatMap({ seats: answer, categories, selected, onToggle, label, formatPrice }: SeatMapProps) {
  const store = useMemo(() => seatStore(answer), [answer]);
  // The store's seats: one array while the store lasts, whose objects live updates replace.
  const seats = store.seats;
  const layout = useSeatLayout(store);
  const colourOf = useMemo(() => new Map(categories.map((c, i) => [c.id, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]])), [categories]);
  // What a seat's label says of its category ("VIP, €120.00"), worked out once per category.
  const categoryText = useMemo(() => new Map(categories.map((c) => [c.id, `, ${c.name}, ${formatPrice(c.price)}`])), [categories, formatPrice]);
  const full = useMemo(() => ({ x: -PITCH, y: -PITCH, w: layout.width + 2 * PITCH, h: layout.height + 2 * PITCH }), [layout]);
  const [view, setView] = useState<View>(full);
  // Zoom and pan are kept while seats change status (a live update); another section's map, of
  // other dimensions, starts from the whole map again. Adjusted while rendering, not in an effect.
  const [viewOf, setViewOf] = useState(full);
  if (viewOf.w !== full.w || viewOf.h !== full.h) {
    setViewOf(full);
    setView(full);
  }
  const [focused, setFocused] = useState<string | undefined>(undefined);
  // Set by the arrow keys: the seat to focus once it has been rendered with the tab stop.
  const focusNext = useRef<string | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const size = useBoxSize(box, full.h / full.w);
  const ratio = usePixelRatio();
  const fitted = useMemo(() => fit(view, size.w, size.h), [view, size]);

  const focusTarget = focused && layout.position.has(focused) ? focused : (seats.find((s) => s.status === 'available') ?? seats[0])?.seatId;
  const rows = useAccessibleRows(layout, seats, fitted.visible, focusTarget);
  // The seats with elements, for the live updates to know whether the rows need rendering.
  const withElements = useMemo(() => new Set(rows.flatMap(([, indexes]) => indexes)), [rows]);
  const elements = useRef(withElements);
  // Bumped when a live update changes a seat that has an element: the map renders, its rows compare.
  const [, setLiveRender] = useState(0);

  // The canvas: the whole view when what is drawn where changes, else only the changed seats.
  const marked = useRef<Layout | null>(null);
  const drawn = useRef<Drawn | null>(null);
  useLayoutEffect(() => {
    elements.current = withElements;
  }, [withElements]);
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element || !size.measured) return;
    const paint: Paint = { layout, seats, colourOf, selected };
    const before = drawn.current;
    const pixel = 1 / (fitted.scale * ratio);
    const wide = Math.round(size.w * ratio);
    const high = Math.round(size.h * ratio);
    if (before && before.fitted === fitted && before.ratio === ratio && before.paint.layout === layout && before.paint.colourOf === colourOf && element.width === wide) {
      const changed: number[] = [];
      // Another answer (a refetch): the seats whose look differs from what was drawn (the last
      // store's seats, live updates included), compared by value, as each answer has new objects.
      if (before.paint.seats !== seats)
        for (let i = 0; i < seats.length; i++) {
          const was = before.paint.seats[i];
          if (was.status !== seats[i].status || was.categoryId !== seats[i].categoryId) changed.push(i);
        }
      if (before.paint.selected !== selected) {
        const indexOf = (id: string) => {
          const at = layout.position.get(id);
          if (at) changed.push(layout.rows[at.row].seats[at.index]);
        };
        for (const id of selected) if (!before.paint.selected.has(id)) indexOf(id);
        for (const id of before.paint.selected) if (!selected.has(id)) indexOf(id);
      }
      drawn.current = { ...before, paint };
      drawCells(drawn.current, changed);
      return;
    }
    if (element.width !== wide) element.width = wide;
    if (element.height !== high) element.height = high;
    const ctx = element.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, element.width, element.height);
    ctx.setTransform(fitted.scale * ratio, 0, 0, fitted.scale * ratio, fitted.left * ratio, fitted.top * ratio);
    const { x0, y0, x1, y1 } = fitted.visible;
    drawRegion(ctx, paint, x0, y0, x1, y1, pixel);
    drawn.current = { paint, fitted, ratio, context: ctx };
    if (marked.current !== layout) {
      marked.current = layout;
      // For bench:web (the Performance API): the map of these seats is drawn, on screen (the frame
      // after the draw) and answers input.
      const seatCount = layout.position.size;
      requestAnimationFrame(() => setTimeout(() => performance.mark('seat-map:interactive', { detail: { seats: seatCount } }), 0));
    }
  }, [layout, seats, colourOf, selected, fitted, ratio, size]);

  // Live updates: the store names the seats that changed (in the frame their events came in).
  // Their cells are drawn at once, on what is drawn now; the map renders only when one of them
  // has an element (a row in view), so its label and aria-disabled follow. Nothing else runs:
  // no pass over the section, no render of the page or of rows out of view.
  useLayoutEffect(
    () =>
      store.subscribe((changed) => {
        const now = drawn.current;
        if (now && now.paint.seats === store.seats) drawCells(now, changed);
        if (changed.some((i) => elements.current.has(i))) setLiveRender((n) => n + 1);
      }),
    [store],
  );

  useLayoutEffect(() => {
    if (!focusNext.current || focusNext.current !== focusTarget) return;
    focusNext.current = undefined;
    // Seat ids are letters, digits, `_` and `-` (SEAT_ID_PATTERN): safe in a selector as they are.
    box.current?.querySelector<HTMLElement>(`[data-seat="${focusTarget}"]`)?.focus();
  }, [focusTarget, rows]);

  const zoom = useCallback(
    (factor: number, cx = 0.5, cy = 0.5) =>
      setView((v) => {
        const w = Math.min(full.w * 2, Math.max(PITCH * 4, v.w * factor));
        const h = (w / v.w) * v.h;
        return { x: v.x + (v.w - w) * cx, y: v.y + (v.h - h) * cy, w, h };
      }),
    [full],
  );

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const bounds = element.getBoundingClientRect();
      zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, (event.clientX - bounds.left) / bounds.width, (event.clientY - bounds.top) / bounds.height);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const toggle = (seatId: string | undefined) => {
    if (!seatId) return;
    const i = store.indexOf(seatId);
    const seat = i === undefined ? undefined : seats[i];
    if (seat && (seat.status === 'available' || selected.has(seatId))) onToggle(seatId);
  };

  /** Moves the keyboard to a seat, and the view to it when it is not in view. */
  const moveFocus = (seatId: string) => {
    const at = layout.position.get(seatId);
    if (at) {
      const { x0, y0, x1, y1 } = fitted.visible;
      const sx = at.x;
      const sy = at.row * PITCH;
      const dx = sx < x0 ? sx - x0 - PITCH : sx + PITCH > x1 ? sx + PITCH - x1 + PITCH : 0;
      const dy = sy < y0 ? sy - y0 - PITCH : sy + PITCH > y1 ? sy + PITCH - y1 + PITCH : 0;
      if (dx !== 0 || dy !== 0) setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    }
    focusNext.current = seatId;
    setFocused(seatId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = (event.target as Element).getAttribute('data-seat') ?? focusTarget;
    const at = current ? layout.position.get(current) : undefined;
    if (!at || !current) return;
    const row = layout.rows[at.row].seats;
    const number = seats[row[at.index]].number;
    const nearestIn = (r: number) => {
      const other = layout.rows[r]?.seats;
      return other?.reduce((best, i) => (Math.abs(seats[i].number - number) < Math.abs(seats[best].number - number) ? i : best), other[0]);
    };
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = row[at.index - 1];
        break;
      case 'ArrowRight':
        next = row[at.index + 1];
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        next = nearestIn(at.row + (event.key === 'ArrowUp' ? -1 : 1));
        break;
      case 'PageUp':
      case 'PageDown':
        next = nearestIn(Math.min(layout.rows.length - 1, Math.max(0, at.row + (event.key === 'PageUp' ? -10 : 10))));
        break;
      case 'Home':
        next = row[0];
        break;
      case 'End':
        next = row[row.length - 1];
        break;
      case ' ':
      case 'Enter':
        event.preventDefault();
        toggle(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next !== undefined) moveFocus(seats[next].seatId);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, view, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < 4) return;
    start.moved = true;
    const scale = fit(start.view, size.w, size.h).scale;
    setView({ ...start.view, x: start.view.x - dx / scale, y: start.view.y - dy / scale });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const moved = drag.current?.moved;
    drag.current = null;
    if (moved) return;
    // A seat's element lies exactly over its pixels; elsewhere (seats without one), the canvas's
    // own hit test: the point in map units, inside a seat's square.
    let seatId = (event.target as Element).getAttribute('data-seat');
    if (!seatId && box.current) {
      const bounds = box.current.getBoundingClientRect();
      const point = fitted.toMap(event.clientX - bounds.left - box.current.clientLeft, event.clientY - bounds.top - box.current.clientTop);
      const i = seatAt(layout, seats, point.x, point.y);
      seatId = i === undefined ? null : seats[i].seatId;
    }
    if (seatId) {
      setFocused(seatId);
      toggle(seatId);
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Map zoom">
        <button type="button" className="rounded border border-slate-400 bg-white px-3 py-1" onClick={() => zoom(1 / 1.5)}>
          Zoom in
        </button>
        <button type="button" className="rounded border border-slate-400 bg-white px-3 py-1" onClick={() => zoom(1.5)}>
          Zoom out
        </button>
        <button type="button" className="rounded border border-slate-400 bg-white px-3 py-1" onClick={() => setView(full)}>
          Reset view
        </button>
      </div>
      <div
        ref={box}
        role="group"
        aria-label={`${label}. Use the arrow keys to move between seats and Space to select.`}
        data-view={`${view.x} ${view.y} ${view.w} ${view.h}`}
        // As wide as the section's shape asks, up to the screen: a small section does not get giant seats.
        style={{ aspectRatio: `${full.w} / ${full.h}`, maxWidth: `${Math.max(full.w * 4, 320)}px` }}
        className="seat-map relative max-h-[70vh] w-full touch-none overflow-hidden rounded-lg border border-slate-300 bg-white select-none"
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => (drag.current = null)}
        onFocus={(event) => {
          const seatId = (event.target as Element).getAttribute('data-seat');
          if (seatId) setFocused(seatId);
        }}
      >
        <canvas ref={canvas} aria-hidden="true" className="absolute inset-0 h-full w-full" />
        <div className="seat-layer" style={{ transform: `translate(${fitted.left}px, ${fitted.top}px) scale(${fitted.scale})`, ['--seat-scale' as string]: fitted.scale }}>
          {rows.map(([r, indexes]) => (
            <SeatRow key={r} seats={indexes.map((i) => seats[i])} y={r * PITCH} categoryText={categoryText} selected={selected} focusTarget={focusTarget} />
          ))}
        </div>
      </div>
      <SeatCounts store={store} />
      <SeatLegend categories={categories} formatPrice={formatPrice} />
    </div>
  );
}

/** The section's counts, under the map: what a screen reader cannot meet seat by seat. Follows the store on its own. */
function SeatCounts({ store }: { store: SeatStore }) {
  const counts = useSyncExternalStore(store.subscribe, store.counts);
  const number = (n: number) => n.toLocaleString('en');
  return (
    <p className="text-sm text-slate-700">
      {number(store.seats.length)} seats: {number(counts.available)} available, {number(counts.held)} held, {number(counts.sold)} sold.
    </p>
  );
}

export function SeatLegend({ categories, formatPrice }: { categories: readonly Category[]; formatPrice: (minor: number) => string }) {
  const swatch = (fill: string, extra = '') => <span aria-hidden="true" className={`inline-block h-4 w-4 rounded-sm border border-slate-500 ${extra}`} style={{ background: fill }} />;
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {categories.map((c, i) => (
        <li key={c.id} className="flex items-center gap-1">
          {swatch(CATEGORY_COLOURS[i % CATEGORY_COLOURS.length])}
          {c.name} ({formatPrice(c.price)})
        </li>
      ))}
      <li className="flex items-center gap-1">
        {swatch(HELD, 'border-dashed')}
        Held
      </li>
      <li className="flex items-center gap-1">
        {swatch(SOLD)}
        Sold
      </li>
      <li className="flex items-center gap-1">
        {swatch('#fff', 'border-2 border-black')}
        Your selection
      </li>
    </ul>
  );
}
