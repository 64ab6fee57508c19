import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from '@/components/spinner';
import { RequireSession, SignInPage, SignUpPage } from '@/features/auth';
import { CataloguePage, ShowPage } from '@/features/shows';
import { Layout } from './layout';
import { NotFoundPage } from './not-found';

// Pages a first visit does not need load on demand (the QR encoder, the scanner, checkout, venue operations).
const BookingPage = lazy(() => import('@/features/bookings').then((m) => ({ default: m.BookingPage })));
const TicketsPage = lazy(() => import('@/features/tickets').then((m) => ({ default: m.TicketsPage })));
const MyWaitlistPage = lazy(() => import('@/features/waitlist').then((m) => ({ default: m.MyWaitlistPage })));
const CheckInPage = lazy(() => import('@/features/checkin').then((m) => ({ default: m.CheckInPage })));
const MyIncidentsPage = lazy(() => import('@/features/incidents').then((m) => ({ default: m.MyIncidentsPage })));
const IncidentBoardPage = lazy(() => import('@/features/incidents').then((m) => ({ default: m.IncidentBoardPage })));
const DeviceHealthPage = lazy(() => import('@/features/devices').then((m) => ({ default: m.DeviceHealthPage })));
// The admin pages: one chunk, loaded when an admin (or a curious fan) first opens one.
const admin = () => import('@/features/admin');
const AdminLayout = lazy(() => admin().then((m) => ({ default: m.AdminLayout })));
const AdminShowsPage = lazy(() => admin().then((m) => ({ default: m.AdminShowsPage })));
const ShowBuilderPage = lazy(() => admin().then((m) => ({ default: m.ShowBuilderPage })));
const AdminShowPage = lazy(() => admin().then((m) => ({ default: m.AdminShowPage })));
const SalesPage = lazy(() => admin().then((m) => ({ default: m.SalesPage })));
const UsersPage = lazy(() => admin().then((m) => ({ default: m.UsersPage })));
const UserPage = lazy(() => admin().then((m) => ({ default: m.UserPage })));
const LiveFeedPage = lazy(() => admin().then((m) => ({ default: m.LiveFeedPage })));
const OutboxPage = lazy(() => admin().then((m) => ({ default: m.OutboxPage })));

const signedIn = (page: ReactNode) => (
  <RequireSession>
    <Suspense fallback={<Loading />}>{page}</Suspense>
  </RequireSession>
);

/** The client routes. The server answers index.html for each of them (SPA fallback). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <CataloguePage /> },
      { path: 'shows/:showId', element: <ShowPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'bookings/:bookingId', element: signedIn(<BookingPage />) },
      { path: 'tickets', element: signedIn(<TicketsPage />) },
      { path: 'waitlist', element: signedIn(<MyWaitlistPage />) },
      { path: 'checkin', element: signedIn(<CheckInPage />) },
      { path: 'incidents', element: signedIn(<MyIncidentsPage />) },
      { path: 'ops/incidents', element: signedIn(<IncidentBoardPage />) },
      { path: 'ops/devices', element: signedIn(<DeviceHealthPage />) },
      {
        path: 'admin',
        element: signedIn(<AdminLayout />),
        children: [
          { index: true, element: <AdminShowsPage /> },
          { path: 'shows/new', element: <ShowBuilderPage /> },
          { path: 'shows/:showId', element: <AdminShowPage /> },
          { path: 'shows/:showId/sales', element: <SalesPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'users/:userId', element: <UserPage /> },
          { path: 'events', element: <LiveFeedPage /> },
          { path: 'outbox', element: <OutboxPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
