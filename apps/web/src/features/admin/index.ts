export { AdminLayout } from './routes/admin-layout';
export { AdminShowPage, AdminShowsPage, LiveFeedPage, OutboxPage, SalesPage, ShowBuilderPage, UserPage, UsersPage } from './routes/pages';
