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
    get EMAIL_EVENT_TYPES () {
        return EMAIL_EVENT_TYPES;
    },
    get HOLD_WARNING_MS () {
        return HOLD_WARNING_MS;
    },
    get emailIdOf () {
        return emailIdOf;
    },
    get planEmails () {
        return planEmails;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _templates = require("./templates");
const EMAIL_EVENT_TYPES = [
    'account.registered.v1',
    'booking.placed.v1',
    'booking.confirmed.v1',
    'booking.expired.v1',
    'booking.cancelled.v1',
    'booking.refunded.v1',
    'ticket.transferred.v1',
    'ticket.voided.v1',
    'incident.status_changed.v1',
    'waitlist.offered.v1'
];
const HOLD_WARNING_MS = 2 * 60_000;
const emailIdOf = (kind, ...about)=>[
        kind,
        ...about
    ].join('-');
const NOTHING = {
    drafts: [],
    cancel: []
};
const draft = (kind, id, to, event, rendered, options = {})=>({
        id,
        kind,
        to: to.email,
        toName: to.displayName,
        ...rendered,
        tickets: options.tickets ?? [],
        eventId: event.id,
        dueAt: options.dueAt ?? Date.parse(event.metadata.occurredAt),
        ...options.notAfter === undefined ? {} : {
            notAfter: options.notAfter
        }
    });
const ticketCid = (ticketId, version)=>`ticket-${ticketId}-v${version}@tessera`;
const planEmails = async (event, facts)=>{
    switch(event.type){
        case 'account.registered.v1':
            {
                const { userId, email, displayName } = event.data;
                return {
                    drafts: [
                        draft('welcome', emailIdOf('welcome', userId), {
                            userId,
                            email,
                            displayName
                        }, event, (0, _templates.welcomeEmail)({
                            displayName
                        }))
                    ],
                    cancel: []
                };
            }
        case 'booking.placed.v1':
            {
                const data = event.data;
                const [to, show] = await Promise.all([
                    facts.recipient(data.userId),
                    facts.show(data.showId)
                ]);
                if (!to || !show) return NOTHING;
                const seats = data.seats.map((seat)=>seat.seatId);
                // A hold the waiting list made for the fan is told by the offer's e-mail instead.
                const drafts = event.metadata.actorId === _contracts.WAITLIST_ACTOR ? [] : [
                    draft('booking-held', emailIdOf('booking-held', data.bookingId), to, event, (0, _templates.bookingHeldEmail)({
                        displayName: to.displayName,
                        show,
                        seats,
                        amount: data.amount,
                        currency: data.currency,
                        expiresAt: data.expiresAt
                    }))
                ];
                const expiresAt = Date.parse(data.expiresAt);
                const warnAt = expiresAt - HOLD_WARNING_MS;
                // A hold of two minutes or less: the held e-mail has said it all.
                if (warnAt > Date.parse(event.metadata.occurredAt)) {
                    drafts.push(draft('hold-expiring', emailIdOf('hold-expiring', data.bookingId), to, event, (0, _templates.holdExpiringEmail)({
                        displayName: to.displayName,
                        show,
                        seats,
                        expiresAt: data.expiresAt
                    }), {
                        dueAt: warnAt,
                        notAfter: expiresAt
                    }));
                }
                return {
                    drafts,
                    cancel: []
                };
            }
        case 'booking.confirmed.v1':
            {
                const data = event.data;
                const cancel = [
                    emailIdOf('hold-expiring', data.bookingId)
                ];
                const booking = await facts.booking(data.bookingId);
                const [to, show] = booking ? await Promise.all([
                    facts.recipient(booking.userId),
                    facts.show(data.showId)
                ]) : [
                    null,
                    null
                ];
                if (!to || !show) return {
                    drafts: [],
                    cancel
                };
                const tickets = data.tickets.map((ticket)=>({
                        cid: ticketCid(ticket.ticketId, 1),
                        ticketId: ticket.ticketId,
                        version: 1,
                        seatId: ticket.seatId
                    }));
                const rendered = (0, _templates.bookingConfirmedEmail)({
                    displayName: to.displayName,
                    show,
                    amount: data.amount,
                    currency: data.currency,
                    tickets
                });
                return {
                    drafts: [
                        draft('booking-confirmed', emailIdOf('booking-confirmed', data.bookingId), to, event, rendered, {
                            tickets
                        })
                    ],
                    cancel
                };
            }
        case 'booking.expired.v1':
            {
                const data = event.data;
                const cancel = [
                    emailIdOf('hold-expiring', data.bookingId)
                ];
                const booking = await facts.booking(data.bookingId);
                const [to, show] = booking ? await Promise.all([
                    facts.recipient(booking.userId),
                    facts.show(data.showId)
                ]) : [
                    null,
                    null
                ];
                if (!to || !show) return {
                    drafts: [],
                    cancel
                };
                return {
                    drafts: [
                        draft('booking-expired', emailIdOf('booking-expired', data.bookingId), to, event, (0, _templates.bookingExpiredEmail)({
                            displayName: to.displayName,
                            show,
                            seats: data.seatIds
                        }))
                    ],
                    cancel
                };
            }
        case 'booking.cancelled.v1':
            {
                const data = event.data;
                const cancel = [
                    emailIdOf('hold-expiring', data.bookingId)
                ];
                // A fan who cancels their own hold knows; a hold ended by the show's cancellation is told.
                if (data.reason !== 'show_cancelled') return {
                    drafts: [],
                    cancel
                };
                const booking = await facts.booking(data.bookingId);
                const [to, show] = booking ? await Promise.all([
                    facts.recipient(booking.userId),
                    facts.show(data.showId)
                ]) : [
                    null,
                    null
                ];
                if (!to || !show) return {
                    drafts: [],
                    cancel
                };
                return {
                    drafts: [
                        draft('show-cancelled', emailIdOf('show-cancelled', data.showId, to.userId), to, event, (0, _templates.showCancelledEmail)({
                            displayName: to.displayName,
                            show
                        }))
                    ],
                    cancel
                };
            }
        case 'booking.refunded.v1':
            {
                const data = event.data;
                const booking = await facts.booking(data.bookingId);
                const [to, show] = booking ? await Promise.all([
                    facts.recipient(booking.userId),
                    facts.show(data.showId)
                ]) : [
                    null,
                    null
                ];
                if (!to || !show) return NOTHING;
                const refund = {
                    amount: data.amount,
                    currency: data.currency
                };
                if (data.reason === 'show_cancelled') {
                    return {
                        drafts: [
                            draft('show-cancelled', emailIdOf('show-cancelled', data.showId, to.userId), to, event, (0, _templates.showCancelledEmail)({
                                displayName: to.displayName,
                                show,
                                refund
                            }))
                        ],
                        cancel: []
                    };
                }
                return {
                    drafts: [
                        draft('refund', emailIdOf('refund', data.refundId), to, event, (0, _templates.refundEmail)({
                            displayName: to.displayName,
                            show,
                            ...refund,
                            reason: data.reason
                        }))
                    ],
                    cancel: []
                };
            }
        case 'ticket.voided.v1':
            {
                // A holder who received the ticket by transfer hears of the cancellation too; the booker is told by the refund.
                const data = event.data;
                if (data.reason !== 'show_cancelled') return NOTHING;
                const [ticket, booking] = await Promise.all([
                    facts.ticket(data.ticketId),
                    facts.booking(data.bookingId)
                ]);
                if (!ticket || !booking || ticket.ownerId === booking.userId) return NOTHING;
                const [to, show] = await Promise.all([
                    facts.recipient(ticket.ownerId),
                    facts.show(data.showId)
                ]);
                if (!to || !show) return NOTHING;
                return {
                    drafts: [
                        draft('show-cancelled', emailIdOf('show-cancelled', data.showId, to.userId), to, event, (0, _templates.showCancelledEmail)({
                            displayName: to.displayName,
                            show
                        }))
                    ],
                    cancel: []
                };
            }
        case 'ticket.transferred.v1':
            {
                const data = event.data;
                const ticket = await facts.ticket(data.ticketId);
                if (!ticket) return NOTHING;
                const [from, to, show] = await Promise.all([
                    facts.recipient(data.fromOwnerId),
                    facts.recipient(data.toOwnerId),
                    facts.show(ticket.showId)
                ]);
                if (!show) return NOTHING;
                const drafts = [];
                if (from && to) {
                    drafts.push(draft('ticket-sent', emailIdOf('ticket-sent', data.ticketId, data.version), from, event, (0, _templates.ticketSentEmail)({
                        displayName: from.displayName,
                        show,
                        seatId: ticket.seatId,
                        toName: to.displayName
                    })));
                }
                if (to) {
                    const inline = {
                        cid: ticketCid(data.ticketId, data.version),
                        ticketId: data.ticketId,
                        version: data.version,
                        seatId: ticket.seatId
                    };
                    const rendered = (0, _templates.ticketReceivedEmail)({
                        displayName: to.displayName,
                        show,
                        seatId: ticket.seatId,
                        fromName: from?.displayName ?? 'Someone',
                        cid: inline.cid
                    });
                    drafts.push(draft('ticket-received', emailIdOf('ticket-received', data.ticketId, data.version), to, event, rendered, {
                        tickets: [
                            inline
                        ]
                    }));
                }
                return {
                    drafts,
                    cancel: []
                };
            }
        case 'incident.status_changed.v1':
            {
                // To the person who reported it; an incident a device rule opened (`device:{deviceId}`) has nobody to tell.
                const data = event.data;
                if (data.reporterId.startsWith('device:')) return NOTHING;
                const [to, incident] = await Promise.all([
                    facts.recipient(data.reporterId),
                    facts.incident(data.incidentId)
                ]);
                if (!to || !incident) return NOTHING;
                const rendered = (0, _templates.incidentStatusEmail)({
                    displayName: to.displayName,
                    title: incident.title,
                    incidentId: data.incidentId,
                    from: data.from,
                    to: data.to,
                    at: data.at
                });
                // One per move: the move's revision in the incident's stream names it.
                return {
                    drafts: [
                        draft('incident-status', emailIdOf('incident-status', data.incidentId, event.revision), to, event, rendered)
                    ],
                    cancel: []
                };
            }
        case 'waitlist.offered.v1':
            {
                const data = event.data;
                const [to, show, booking] = await Promise.all([
                    facts.recipient(data.userId),
                    facts.show(data.showId),
                    facts.booking(data.bookingId)
                ]);
                if (!to || !show || !booking) return NOTHING;
                const rendered = (0, _templates.waitlistOfferEmail)({
                    displayName: to.displayName,
                    show,
                    seats: data.seatIds,
                    amount: booking.amount,
                    currency: booking.currency,
                    expiresAt: data.expiresAt,
                    bookingId: data.bookingId
                });
                return {
                    drafts: [
                        draft('waitlist-offer', emailIdOf('waitlist-offer', data.entryId), to, event, rendered, {
                            notAfter: Date.parse(data.expiresAt)
                        })
                    ],
                    cancel: []
                };
            }
        default:
            return NOTHING;
    }
};

//# sourceMappingURL=email-drafts.js.map