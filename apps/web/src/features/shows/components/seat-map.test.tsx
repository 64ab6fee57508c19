import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutSeats, SeatMap, type Seat } from './seat-map';

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

afterEach(cleanup);

describe('the seat map', () => {
  it('lays rows out in natural order (1, 2, 10) and seats by number', () => {
    const layout = layoutSeats([seat('10', 1), seat('2', 2), seat('2', 1), seat('1', 1)]);
    expect(layout.rows.map((row) => row.label)).toEqual(['1', '2', '10']);
    expect(layout.rows[1].seats.map((s) => s.number)).toEqual([1, 2]);
  });

  it('labels every seat for screen readers: row, number, category, price and status', () => {
    render(<Harness />);
    expect(seatNamed(/^Row 1, seat 1, VIP, €120\.00, available$/)).toBeTruthy();
    expect(seatNamed(/^Row 1, seat 3, VIP, €120\.00, held by someone else$/).getAttribute('aria-disabled')).toBe('true');
    expect(seatNamed(/^Row 2, seat 1, Standard, €45\.00, sold$/).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('VIP (€120.00)');
  });

  it('colours seats by category and greys held and sold ones', () => {
    render(<Harness />);
    const fill = (name: RegExp) => seatNamed(name).getAttribute('fill');
    expect(fill(/^Row 1, seat 1,/)).not.toBe(fill(/^Row 2, seat 2,/));
    expect(fill(/^Row 1, seat 3,/)).not.toBe(fill(/^Row 1, seat 1,/));
    expect(fill(/^Row 2, seat 1,/)).not.toBe(fill(/^Row 2, seat 2,/));
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

  it('zooms in and out and resets, through the viewBox', () => {
    render(<Harness />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const width = () => Number(map.getAttribute('viewBox')!.split(' ')[2]);
    const initial = width();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(width()).toBeLessThan(initial);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(width()).toBeGreaterThan(initial);
    fireEvent.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(width()).toBe(initial);
  });

  it('pans by dragging, and a drag selects nothing', () => {
    render(<Harness />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const x = () => Number(map.getAttribute('viewBox')!.split(' ')[0]);
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
    rerender(<Harness seats={SEATS.map((s) => (s.seatId === 'A-1-2' ? { ...s, status: 'held' } : s))} />);
    expect(seatNamed(/^Row 1, seat 2,.*held by someone else$/).getAttribute('aria-disabled')).toBe('true');
  });

  it('keeps the zoom while seats change status, and starts over for a map of other dimensions', () => {
    const { rerender } = render(<Harness seats={SEATS} />);
    const map = screen.getByRole('group', { name: /Seats of Stalls A/ });
    const width = () => Number(map.getAttribute('viewBox')!.split(' ')[2]);
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
