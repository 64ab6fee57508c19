"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get MAIL_TRANSPORT () {
        return MAIL_TRANSPORT;
    },
    get OutboxSender () {
        return OutboxSender;
    },
    get failureOf () {
        return failureOf;
    },
    get retryDelayMs () {
        return retryDelayMs;
    }
});
const _common = require("@nestjs/common");
const _health = require("../../../../libs/platform/src/observability/health");
const _metrics = require("../../../../libs/platform/src/observability/metrics");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _ticketcodes = require("../../../../libs/platform/src/security/ticket-codes");
const _clock = require("../../../../libs/platform/src/time/clock");
const _outbox = require("./outbox");
const _ticketqr = require("./ticket-qr");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const MAIL_TRANSPORT = Symbol('MailTransport');
/** Longer than a whole SMTP attempt can take (connection, greeting and socket timeouts): a sender that died mid-send leaves the message due again after it. */ const LEASE_MS = 120_000;
const MAX_RETRY_DELAY_MS = 30 * 60_000;
const BATCH = 50;
const failureOf = (error)=>{
    const failure = error;
    // Credentials the server refuses are the deployment's problem, not the message's: no message fails for them.
    if (typeof failure.responseCode !== 'number' || failure.code === 'EAUTH' || failure.code === 'ENOAUTH') return 'unreachable';
    const permanent = typeof failure.permanent === 'boolean' ? failure.permanent : failure.responseCode >= 500 && failure.responseCode !== 503;
    return permanent ? 'permanent' : 'refused';
};
const retryDelayMs = (firstDelayMs, attempts)=>Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
/** Servers often name the refused address in their answer: logs get it without the address. */ const withoutAddresses = (text)=>text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '<address>');
const describe = (error)=>{
    const failure = error;
    return [
        failure.responseCode,
        failure.code,
        failure.message
    ].filter((part)=>part !== undefined).join(' ').slice(0, 500);
};
let OutboxSender = class OutboxSender {
    constructor(outbox, transport, codes, clock, config, metrics, health){
        this.outbox = outbox;
        this.transport = transport;
        this.codes = codes;
        this.clock = clock;
        this.config = config;
        this.logger = new _common.Logger('Email');
        this.again = false;
        this.stopped = false;
        this.lastFailure = null;
        this.sent = metrics.counter('tessera_notifier_emails_total', 'E-mail send attempts by kind and outcome: sent, retried (will be tried again), failed (parked), dropped (a hold warning past its hold)', [
            'kind',
            'outcome'
        ]);
        // Every series from the start, at 0: a kind first sent later is not a series that appears from nowhere (rate() and alerts see it from 0).
        for (const kind of _outbox.EMAIL_KINDS)for (const outcome of [
            'sent',
            'retried',
            'failed',
            'dropped'
        ])this.sent.inc({
            kind,
            outcome
        }, 0);
        this.domain = /@([^\s<>@]+)>?$/.exec(config.MAIL_FROM)?.[1] ?? 'tessera.local';
        // An SMTP outage does not make the app unready (bookings go on); /health shows it here.
        health.register('email', async ()=>({
                transport: transport.kind,
                state: this.lastFailure ? 'failing' : 'ok',
                ...this.lastFailure ? {
                    lastFailure: this.lastFailure
                } : {},
                pending: await outbox.count({
                    status: 'pending'
                }),
                failed: await outbox.count({
                    status: 'failed'
                })
            }));
    }
    async onApplicationBootstrap() {
        await this.outbox.ensureIndexes();
        this.timer = setInterval(()=>this.wake(), this.config.MAIL_POLL_MS);
        this.timer.unref();
        this.wake();
    }
    /** Before the platform closes the stores (its onApplicationShutdown). */ async beforeApplicationShutdown() {
        this.stopped = true;
        clearInterval(this.timer);
        await this.passing;
        await this.transport.close();
    }
    /** Looks for due messages now (after the pass in hand, if any). */ wake() {
        if (this.stopped) return;
        if (this.passing) {
            this.again = true;
            return;
        }
        this.passing = this.pass().catch((error)=>this.logger.warn({
                err: error
            }, 'could not read the outbox; will look again')).finally(()=>{
            this.passing = undefined;
            if (this.again) {
                this.again = false;
                this.wake();
            }
        });
    }
    /** Sends everything due, batch by batch. Tests may await it. */ async pass() {
        for(;;){
            if (this.stopped) return;
            const due = await this.outbox.due(this.clock.now().getTime(), BATCH);
            if (due.length === 0) return;
            // Recipients in parallel (the SMTP pool's connections), each one's e-mails in the order they fell due.
            const byRecipient = new Map();
            for (const message of due)byRecipient.set(message.to, [
                ...byRecipient.get(message.to) ?? [],
                message
            ]);
            let progressed = false;
            await Promise.all([
                ...byRecipient.values()
            ].map(async (messages)=>{
                for (const message of messages){
                    if (this.stopped) return;
                    if (await this.attempt(message)) progressed = true;
                }
            }));
            // Everything due was claimed elsewhere meanwhile: the other sender has it.
            if (!progressed) return;
        }
    }
    /** One attempt at one message; false when another sender claimed it first. */ async attempt(message) {
        const now = this.clock.now();
        if (message.notAfter !== undefined && now.getTime() > message.notAfter) {
            // A hold warning the notifier did not get to before the hold's end: telling it now would be wrong.
            await this.outbox.cancel(message._id);
            this.sent.inc({
                kind: message.kind,
                outcome: 'dropped'
            });
            return true;
        }
        if (!await this.outbox.claim(message, now.getTime() + LEASE_MS)) return false;
        const attempts = message.attempts + 1;
        try {
            await this.transport.send(this.mailOf(message));
        } catch (error) {
            const reason = describe(error);
            const failure = failureOf(error);
            this.lastFailure = {
                at: now.toISOString(),
                error: withoutAddresses(reason)
            };
            const refusals = (message.refusals ?? 0) + (failure === 'refused' ? 1 : 0);
            if (failure === 'permanent' || refusals >= this.config.MAIL_MAX_ATTEMPTS) {
                await this.outbox.markFailed(message._id, reason, refusals);
                this.sent.inc({
                    kind: message.kind,
                    outcome: 'failed'
                });
                this.logger.warn({
                    id: message._id,
                    kind: message.kind,
                    attempts,
                    error: withoutAddresses(reason)
                }, 'e-mail not sent; parked as failed');
            } else {
                await this.outbox.retryAt(message._id, this.clock.now().getTime() + retryDelayMs(this.config.MAIL_RETRY_MS, attempts), reason, {
                    refusals,
                    unreachable: failure === 'unreachable'
                });
                this.sent.inc({
                    kind: message.kind,
                    outcome: 'retried'
                });
                this.logger.warn({
                    id: message._id,
                    kind: message.kind,
                    attempts,
                    error: withoutAddresses(reason)
                }, 'e-mail not sent; will try again');
            }
            return true;
        }
        await this.outbox.markSent(message._id, this.clock.now());
        if (this.lastFailure) {
            // The server answers again: what waited out the outage goes now, not when its backoff ends.
            this.lastFailure = null;
            if (await this.outbox.resumeAfterOutage(this.clock.now().getTime()) > 0) this.wake();
        }
        this.sent.inc({
            kind: message.kind,
            outcome: 'sent'
        });
        return true;
    }
    mailOf(message) {
        return {
            id: message._id,
            messageId: `<${message._id}@${this.domain}>`,
            from: this.config.MAIL_FROM,
            to: {
                name: message.toName,
                address: message.to
            },
            subject: message.subject,
            text: message.text,
            html: message.html,
            attachments: message.tickets.map((ticket)=>({
                    filename: `ticket-${ticket.seatId}.png`,
                    contentType: 'image/png',
                    cid: ticket.cid,
                    content: (0, _ticketqr.ticketQrPng)(this.codes.sign({
                        ticketId: ticket.ticketId,
                        version: ticket.version
                    }))
                }))
        };
    }
};
OutboxSender = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(MAIL_TRANSPORT)),
    _ts_param(4, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _outbox.Outbox === "undefined" ? Object : _outbox.Outbox,
        typeof MailTransport === "undefined" ? Object : MailTransport,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof _health.HealthChecks === "undefined" ? Object : _health.HealthChecks
    ])
], OutboxSender);

//# sourceMappingURL=outbox-sender.js.map