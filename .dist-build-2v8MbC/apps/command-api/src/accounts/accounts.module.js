"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AccountsModule", {
    enumerable: true,
    get: function() {
        return AccountsModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _passwordhasher = require("../../../../libs/platform/src/security/password-hasher");
const _changeroleshandler = require("./change-roles/change-roles.handler");
const _changeroleshttpcontroller = require("./change-roles/change-roles.http.controller");
const _ensureadmin = require("./ensure-admin");
const _loginhandler = require("./login/login.handler");
const _loginhttpcontroller = require("./login/login.http.controller");
const _logouthandler = require("./logout/logout.handler");
const _logouthttpcontroller = require("./logout/logout.http.controller");
const _mehandler = require("./me/me.handler");
const _mehttpcontroller = require("./me/me.http.controller");
const _refreshhandler = require("./refresh/refresh.handler");
const _refreshhttpcontroller = require("./refresh/refresh.http.controller");
const _registerhandler = require("./register/register.handler");
const _registerhttpcontroller = require("./register/register.http.controller");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
let AccountsModule = class AccountsModule {
};
AccountsModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _registerhttpcontroller.RegisterHttpController,
            _loginhttpcontroller.LoginHttpController,
            _refreshhttpcontroller.RefreshHttpController,
            _logouthttpcontroller.LogoutHttpController,
            _mehttpcontroller.MeHttpController,
            _changeroleshttpcontroller.ChangeRolesHttpController
        ],
        providers: [
            {
                provide: _passwordhasher.PasswordHasher,
                useFactory: ()=>new _passwordhasher.Argon2PasswordHasher()
            },
            _registerhandler.RegisterAccountHandler,
            _loginhandler.LoginHandler,
            _refreshhandler.RefreshSessionHandler,
            _logouthandler.LogoutHandler,
            _mehandler.GetMeHandler,
            _changeroleshandler.ChangeRolesHandler,
            _ensureadmin.EnsureAdminOnStart
        ]
    })
], AccountsModule);

//# sourceMappingURL=accounts.module.js.map