import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SectionEditor } from './section-editor';
import { draftProblems, emptyDraft, type DraftSection } from './show-draft';

const categories = [
  { id: 'std', name: 'Standard', price: '45' },
  { id: 'vip', name: 'VIP', price: '120' },
];

function Harness({ start, withProblems = false }: { start: DraftSection; withProblems?: boolean }) {
  const [section, setSection] = useState(start);
  const problems = withProblems ? draftProblems({ ...emptyDraft(), name: 'x', venue: 'y', categories, sections: [section] }) : [];
  return (
    <>
      <SectionEditor section={section} index={0} categories={categories} problems={problems} onChange={setSection} />
      <output data-testid="section">{JSON.stringify(section)}</output>
    </>
  );
}

const latest = (): DraftSection => JSON.parse(screen.getByTestId('section').textContent ?? '{}') as DraftSection;
const labels = () => latest().rows.map((row) => `${row.label}:${row.seats}`);

describe('the section editor', () => {
  afterEach(cleanup);

  it('adds N rows of M seats labelled on from the last row, and removes one', () => {
    render(<Harness start={{ id: 'A', name: 'Stalls A', categoryId: 'std', rows: [{ label: 'A', seats: 8 }] }} />);
    fireEvent.change(screen.getByLabelText('Rows to add'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Seats per row'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rows' }));
    expect(labels()).toEqual(['A:8', 'B:12', 'C:12']);
    expect(screen.getByRole('group', { name: /^Section 1: Stalls A · 32 seats/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove row B' }));
    expect(labels()).toEqual(['A:8', 'C:12']);
    fireEvent.change(screen.getByLabelText('Seats in row 2'), { target: { value: '20' } });
    expect(labels()).toEqual(['A:8', 'C:20']);
  });

  it('will not add rows of no seats', () => {
    render(<Harness start={{ id: 'A', name: 'Stalls A', categoryId: 'std', rows: [] }} />);
    fireEvent.change(screen.getByLabelText('Seats per row'), { target: { value: '0' } });
    expect((screen.getByRole('button', { name: 'Add rows' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Seats per row'), { target: { value: '1001' } });
    expect((screen.getByRole('button', { name: 'Add rows' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('changes the category, and shows each problem beside its field and announced with it', () => {
    render(<Harness withProblems start={{ id: 'A', name: 'Stalls A', categoryId: 'std', rows: [{ label: '1', seats: 10 }, { label: '1', seats: 10 }] }} />);
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'vip' } });
    expect(latest().categoryId).toBe('vip');
    const second = screen.getByLabelText('Label of row 2');
    expect(second.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(second.getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('row "1" is used twice');
    expect(screen.getByLabelText('Label of row 1').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(second, { target: { value: '2' } });
    expect(screen.getByLabelText('Label of row 2').getAttribute('aria-invalid')).toBeNull();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });
});
