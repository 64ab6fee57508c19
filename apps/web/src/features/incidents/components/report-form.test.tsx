import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportForm, reportOf } from './report-form';

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

let reports: unknown[];

beforeEach(() => {
  reports = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      if (request.url.includes('/api/shows')) return json(200, { items: [], nextCursor: null });
      const body = (await request.json()) as { location?: { seatId?: string } };
      reports.push(body);
      if (body.location?.seatId === '12')
        return json(
          400,
          {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            code: 'VALIDATION_FAILED',
            detail: 'The request is not valid.',
            errors: [{ field: 'location.seatId', message: 'must be a seat id such as A-1-7' }],
          },
          'application/problem+json',
        );
      return json(201, { incidentId: 'i-1', status: 'new', priority: 'P2', position: '7' });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderForm = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ReportForm />
    </QueryClientProvider>,
  );

describe("the fan's report form", () => {
  it('sends only the fields filled in, trimmed', () => {
    const empty = { title: ' Broken seat ', description: '  ', category: 'seat' as const, urgency: 'high' as const, showId: '', seatId: 'A-1-7', area: '' };
    expect(reportOf(empty)).toEqual({ title: 'Broken seat', category: 'seat', urgency: 'high', location: { seatId: 'A-1-7' } });
    expect(reportOf({ ...empty, seatId: '' })).toEqual({ title: 'Broken seat', category: 'seat', urgency: 'high' });
  });

  it("puts the API's message for a field next to that field, and the problem's title and detail above the button", async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('What is wrong'), { target: { value: 'Broken seat' } });
    fireEvent.change(screen.getByLabelText('Seat'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    const message = await screen.findByText('Seat must be a seat id such as A-1-7');
    const seat = screen.getByLabelText('Seat');
    expect(seat.getAttribute('aria-invalid')).toBe('true');
    expect(seat.getAttribute('aria-describedby')).toBe(message.id);
    expect(screen.getByRole('alert').textContent).toContain('Bad Request');
    expect(screen.getByRole('alert').textContent).toContain('The request is not valid.');
  });

  it('says the report was sent, with its priority, and clears the form', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('What is wrong'), { target: { value: 'Water on the floor' } });
    fireEvent.change(screen.getByLabelText('Urgency'), { target: { value: 'high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    await screen.findByText('Reported: “Water on the floor” (priority P2). Staff have been told.');
    expect(reports).toEqual([{ title: 'Water on the floor', category: 'seat', urgency: 'high' }]);
    expect((screen.getByLabelText('What is wrong') as HTMLInputElement).value).toBe('');
  });
});
