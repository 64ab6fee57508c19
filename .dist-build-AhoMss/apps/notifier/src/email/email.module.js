"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "EmailModule", {
    enumerable: true,
    get: function() {
        return EmailModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _nodepath = require("node:path");
const _emailchannel = require("./email.channel");
const _facts = require("./facts");
const _mailtransport = require("./mail-transport");
const _outbox = require("./outbox");
const _outboxsender = require("./outbox-sender");
const _listoutboxhandler = require("./list-outbox/list-outbox.handler");
const _listoutboxhttpcontroller = require("./list-outbox/list-outbox.http.controller");
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
let EmailModule = class EmailModule {
};
EmailModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _listoutboxhttpcontroller.ListOutboxHttpController
        ],
        providers: [
            {
                provide: _outboxsender.MAIL_TRANSPORT,
                inject: [
                    _platformmodule.CONFIG
                ],
                useFactory: (config)=>config.SMTP_URL ? (0, _mailtransport.smtpTransport)(config.SMTP_URL) : (0, _mailtransport.emlFileTransport)((0, _nodepath.join)(config.DATA_DIR, 'outbox'))
            },
            _facts.NotificationFacts,
            _outbox.Outbox,
            _outboxsender.OutboxSender,
            _emailchannel.EmailChannel,
            _listoutboxhandler.ListOutboxHandler
        ],
        exports: [
            _outbox.Outbox,
            _outboxsender.OutboxSender
        ]
    })
], EmailModule);

//# sourceMappingURL=email.module.js.map