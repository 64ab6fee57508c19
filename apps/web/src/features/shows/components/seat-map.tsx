import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { components } from '@/lib/api/openapi';

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
const PITCH = 12;
const SIZE = 10;

interface Layout {
  rows: { label: string; seats: Seat[] }[];
  position: Map<string, { x: number; y: number; row: number; index: number }>;
  width: number;
  height: number;
}

const naturalOrder = new Intl.Collator(undefined, { numeric: true }).compare;

/** Rows top to bottom in natural order (1, 2, … 10), seats left to right by number. */
export const layoutSeats = (seats: readonly Seat[]): Layout => {
  const byRow = new Map<string, Seat[]>();
  for (const seat of seats) {
    const key = `${seat.sectionId}\u0000${seat.row}`;
    const row = byRow.get(key);
    if (row) row.push(seat);
    else byRow.set(key, [seat]);
  }
  const keys = [...byRow.keys()].sort(naturalOrder);
  const rows = keys.map((key) => ({ label: byRow.get(key)![0].row, seats: byRow.get(key)!.sort((a, b) => a.number - b.number) }));
  const position = new Map<string, { x: number; y: number; row: number; index: number }>();
  let width = 0;
  rows.forEach((row, r) =>
    row.seats.forEach((seat, index) => {
      const x = (seat.number - 1) * PITCH;
      width = Math.max(width, x + PITCH);
      position.set(seat.seatId, { x, y: r * PITCH, row: r, index });
    }),
  );
  return { rows, position, width: Math.max(width, PITCH), height: Math.max(rows.length * PITCH, PITCH) };
};

const STATUS_WORDS: Record<Seat['status'], string> = { available: 'available', held: 'held by someone else', sold: 'sold' };

interface SeatMapProps {
  seats: readonly Seat[];
  categories: readonly Category[];
  selected: ReadonlySet<string>;
  onToggle: (seatId: string) => void;
  /** The label of the whole map for screen readers, e.g. "Seats of Stalls A". */
  label: string;
  formatPrice: (minor: number) => string;
}

const SeatShape = memo(function SeatShape({
  seat,
  x,
  y,
  colour,
  selected,
  focusable,
  label,
}: {
  seat: Seat;
  x: number;
  y: number;
  colour: string;
  selected: boolean;
  focusable: boolean;
  label: string;
}) {
  const free = seat.status === 'available';
  return (
    <rect
      data-seat={seat.seatId}
      role="checkbox"
      aria-checked={selected}
      aria-disabled={!free}
      aria-label={label}
      tabIndex={focusable ? 0 : -1}
      x={x + 1}
      y={y + 1}
      fill={free ? colour : seat.status === 'held' ? HELD : SOLD}
      stroke={free ? undefined : '#64748b'}
      strokeDasharray={seat.status === 'held' ? '2 1' : undefined}
    />
  );
});

/**
 * The seat map of one section as SVG: seats coloured by category with a legend, held and sold
 * seats greyed, zoom (buttons, wheel) and pan (drag), and the keyboard: Tab reaches the map, the
 * arrow keys move between seats (one tab stop, a roving tabindex, so 10,000 seats are not 10,000
 * tab stops), Space or Enter selects. Each seat is a checkbox with a spoken label.
 */
export function SeatMap({ seats, categories, selected, onToggle, label, formatPrice }: SeatMapProps) {
  const layout = useMemo(() => layoutSeats(seats), [seats]);
  const colourOf = useMemo(() => new Map(categories.map((c, i) => [c.id, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]])), [categories]);
  // What a seat's label says of its category ("VIP, €120.00"), worked out once per category.
  const categoryText = useMemo(() => new Map(categories.map((c) => [c.id, `, ${c.name}, ${formatPrice(c.price)}`])), [categories, formatPrice]);
  const full = useMemo(() => ({ x: -PITCH, y: -PITCH, w: layout.width + 2 * PITCH, h: layout.height + 2 * PITCH }), [layout]);
  const [view, setView] = useState(full);
  // Zoom and pan are kept while seats change status (a live update); another section's map, of
  // other dimensions, starts from the whole map again. Adjusted while rendering, not in an effect.
  const [viewOf, setViewOf] = useState(full);
  if (viewOf.w !== full.w || viewOf.h !== full.h) {
    setViewOf(full);
    setView(full);
  }
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: typeof view; moved: boolean } | null>(null);

  // For bench:web (the Performance API): the map of these seats is on screen and answers input.
  useEffect(() => {
    performance.mark('seat-map:interactive', { detail: { seats: seats.length } });
  }, [seats]);

  const focusTarget = focused && layout.position.has(focused) ? focused : (seats.find((s) => s.status === 'available') ?? seats[0])?.seatId;

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
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, (event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const toggle = (seatId: string | undefined) => {
    if (!seatId) return;
    const seat = seats.find((s) => s.seatId === seatId);
    if (seat && (seat.status === 'available' || selected.has(seatId))) onToggle(seatId);
  };

  const moveFocus = (seatId: string) => {
    setFocused(seatId);
    // Seat ids are letters, digits, `_` and `-` (SEAT_ID_PATTERN): safe in a selector as they are.
    svg.current?.querySelector<SVGRectElement>(`rect[data-seat="${seatId}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const current = (event.target as Element).getAttribute('data-seat') ?? focusTarget;
    const at = current ? layout.position.get(current) : undefined;
    if (!at || !current) return;
    const row = layout.rows[at.row];
    let next: Seat | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = row.seats[at.index - 1];
        break;
      case 'ArrowRight':
        next = row.seats[at.index + 1];
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const other = layout.rows[at.row + (event.key === 'ArrowUp' ? -1 : 1)];
        const number = row.seats[at.index].number;
        next = other?.seats.reduce((best, s) => (Math.abs(s.number - number) < Math.abs(best.number - number) ? s : best), other.seats[0]);
        break;
      }
      case 'Home':
        next = row.seats[0];
        break;
      case 'End':
        next = row.seats[row.seats.length - 1];
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
    if (next) moveFocus(next.seatId);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, view, moved: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const element = svg.current;
    if (!start || !element) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < 4) return;
    start.moved = true;
    const box = element.getBoundingClientRect();
    const scale = start.view.w / box.width;
    setView({ ...start.view, x: start.view.x - dx * scale, y: start.view.y - dy * scale });
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const moved = drag.current?.moved;
    drag.current = null;
    if (moved) return;
    const seatId = (event.target as Element).getAttribute('data-seat');
    if (seatId) {
      setFocused(seatId);
      toggle(seatId);
    }
  };

  const seatLabel = (seat: Seat): string =>
    `Row ${seat.row}, seat ${seat.number}${categoryText.get(seat.categoryId) ?? ''}, ${selected.has(seat.seatId) ? 'selected' : STATUS_WORDS[seat.status]}`;

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
      <svg
        ref={svg}
        role="group"
        aria-label={`${label}. Use the arrow keys to move between seats and Space to select.`}
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        // As wide as the section's shape asks, up to the screen: a small section does not get giant seats.
        style={{ aspectRatio: `${full.w} / ${full.h}`, maxWidth: `${Math.max(full.w * 4, 320)}px` }}
        // Cursors by one rule on the map, not a class on each of (up to) 100,000 seats.
        // Size, corners and the thin outline by one rule for every seat (SVG 2 geometry properties),
        // not three attributes on each of (up to) 100,000 rects.
        className="seat-map max-h-[70vh] w-full touch-none rounded-lg border border-slate-300 bg-white select-none"
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
        {layout.rows.map((row, r) => (
          <text key={`label-${row.label}-${r}`} x={-PITCH + 1} y={r * PITCH + SIZE} fontSize={7} fill="#334155" aria-hidden="true">
            {row.label}
          </text>
        ))}
        {seats.map((seat) => {
          const at = layout.position.get(seat.seatId)!;
          return (
            <SeatShape
              key={seat.seatId}
              seat={seat}
              x={at.x}
              y={at.y}
              colour={colourOf.get(seat.categoryId) ?? '#64748b'}
              selected={selected.has(seat.seatId)}
              focusable={seat.seatId === focusTarget}
              label={seatLabel(seat)}
            />
          );
        })}
      </svg>
      <SeatLegend categories={categories} formatPrice={formatPrice} />
    </div>
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
