import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart, niceScale } from './bar-chart';

describe('the bar chart', () => {
  afterEach(cleanup);

  it('scales to a round axis end with round gridlines', () => {
    expect(niceScale([240, 45])).toEqual({ max: 250, ticks: [0, 50, 100, 150, 200, 250] });
    expect(niceScale([28_500, 4_500])).toEqual({ max: 30_000, ticks: [0, 10_000, 20_000, 30_000] });
    expect(niceScale([1.1])).toEqual({ max: 1.25, ticks: [0, 0.25, 0.5, 0.75, 1, 1.25] });
    expect(niceScale([0.3])).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
    expect(niceScale([7])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale([])).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([0, 0])).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([-5, Number.NaN])).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('keeps whole steps for counts', () => {
    expect(niceScale([2], { integer: true })).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(niceScale([3, 1], { integer: true })).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale([2])).toEqual({ max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
  });

  it('draws bars in proportion on that axis, named as an image, with the figures in a table', () => {
    render(
      <BarChart
        title="Revenue by category"
        bars={[
          { label: 'VIP', value: 24_000 },
          { label: 'Standard', value: 4_500 },
        ]}
        format={(minor) => `€${(minor / 100).toFixed(2)}`}
      />,
    );
    const image = screen.getByRole('img', { name: 'Revenue by category' });
    const width = (label: string) => Number(image.querySelector(`rect[data-bar="${label}"]`)?.getAttribute('width'));
    expect(image.getAttribute('data-max')).toBe('25000');
    // The plot is 300 units wide: 240/250 and 45/250 of it.
    expect(width('VIP')).toBeCloseTo(288, 5);
    expect(width('Standard')).toBeCloseTo(54, 5);
    const table = screen.getByRole('table', { name: 'Revenue by category' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual(['VIP€240.00', 'Standard€45.00']);
  });

  it('says when there is nothing to draw', () => {
    render(<BarChart title="Tickets sold by hour" bars={[]} format={String} />);
    expect(within(screen.getByRole('table', { name: 'Tickets sold by hour' })).getByRole('cell').textContent).toBe('No data yet');
  });
});
