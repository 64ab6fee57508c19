import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Argon2PasswordHasher, PasswordHasher } from '@tessera/platform/security/password-hasher';
import { ChangeRolesHandler } from './change-roles/change-roles.handler';
import { ChangeRolesHttpController } from './change-roles/change-roles.http.controller';
import { EnsureAdminOnStart } from './ensure-admin';
import { LoginHandler } from './login/login.handler';
import { LoginHttpController } from './login/login.http.controller';
import { LogoutHandler } from './logout/logout.handler';
import { LogoutHttpController } from './logout/logout.http.controller';
import { GetMeHandler } from './me/me.handler';
import { MeHttpController } from './me/me.http.controller';
import { RefreshSessionHandler } from './refresh/refresh.handler';
import { RefreshHttpController } from './refresh/refresh.http.controller';
import { RegisterAccountHandler } from './register/register.handler';
import { RegisterHttpController } from './register/register.http.controller';

/** Accounts at the edge: register, login, refresh, logout, me, admin role changes, the first admin. */
@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterHttpController,
    LoginHttpController,
    RefreshHttpController,
    LogoutHttpController,
    MeHttpController,
    ChangeRolesHttpController,
  ],
  providers: [
    { provide: PasswordHasher, useFactory: () => new Argon2PasswordHasher() },
    RegisterAccountHandler,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    GetMeHandler,
    ChangeRolesHandler,
    EnsureAdminOnStart,
  ],
})
export class AccountsModule {}
