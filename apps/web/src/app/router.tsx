import { createBrowserRouter } from 'react-router';
import { RequireSession, SignInPage, SignUpPage } from '@/features/auth';
import { BookingPage } from '@/features/bookings';
import { CheckInPage } from '@/features/checkin';
import { CataloguePage, ShowPage } from '@/features/shows';
import { TicketsPage } from '@/features/tickets';
import { Layout } from './layout';
import { NotFoundPage } from './not-found';

/** The client routes. The server answers index.html for each of them (SPA fallback). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <CataloguePage /> },
      { path: 'shows/:showId', element: <ShowPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'bookings/:bookingId', element: <RequireSession><BookingPage /></RequireSession> },
      { path: 'tickets', element: <RequireSession><TicketsPage /></RequireSession> },
      { path: 'checkin', element: <RequireSession><CheckInPage /></RequireSession> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
