import type { ComponentType } from 'react';
import type { Role } from '../api/admin';
import { RequireRole } from '../components/require-role';
import { AdminShowPage as ShowRoute } from './admin-show';
import { AdminShowsPage as ShowsRoute } from './admin-shows';
import { LiveFeedPage as FeedRoute } from './live-feed';
import { OutboxPage as OutboxRoute } from './outbox';
import { SalesPage as SalesRoute } from './sales';
import { ShowBuilderPage as BuilderRoute } from './show-builder';
import { UserPage as UserRoute } from './user';
import { UsersPage as UsersRoute } from './users';


const ADMIN: readonly Role[] = ['admin'];
const STAFF: readonly Role[] = ['staff', 'admin'];

/** Each page behind its roles (RequireRole: anyone else sees the API's refusal). */
const guarded = (Page: ComponentType, roles: readonly Role[]) =>
  function Guarded() {
    return (
      <RequireRole roles={roles}>
        <Page />
      </RequireRole>
    );
  };

export const AdminShowsPage = guarded(ShowsRoute, ADMIN);
export const ShowBuilderPage = guarded(BuilderRoute, ADMIN);
export const AdminShowPage = guarded(ShowRoute, ADMIN);
export const SalesPage = guarded(SalesRoute, ADMIN);
export const UsersPage = guarded(UsersRoute, ADMIN);
export const UserPage = guarded(UserRoute, ADMIN);
export const LiveFeedPage = guarded(FeedRoute, STAFF);
export const OutboxPage = guarded(OutboxRoute, ADMIN);
