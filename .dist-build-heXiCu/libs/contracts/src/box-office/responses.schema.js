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
    get BookingDiscountSchema () {
        return BookingDiscountSchema;
    },
    get BookingViewSchema () {
        return BookingViewSchema;
    },
    get CancelBookingResponseSchema () {
        return CancelBookingResponseSchema;
    },
    get CancelShowResponseSchema () {
        return CancelShowResponseSchema;
    },
    get CheckInResponseSchema () {
        return CheckInResponseSchema;
    },
    get CreateShowResponseSchema () {
        return CreateShowResponseSchema;
    },
    get CreateVoucherResponseSchema () {
        return CreateVoucherResponseSchema;
    },
    get IssuedTicketViewSchema () {
        return IssuedTicketViewSchema;
    },
    get JoinQueueResponseSchema () {
        return JoinQueueResponseSchema;
    },
    get JoinWaitlistResponseSchema () {
        return JoinWaitlistResponseSchema;
    },
    get MyBookingsResponseSchema () {
        return MyBookingsResponseSchema;
    },
    get MyTicketsResponseSchema () {
        return MyTicketsResponseSchema;
    },
    get MyWaitlistResponseSchema () {
        return MyWaitlistResponseSchema;
    },
    get PayBookingResponseSchema () {
        return PayBookingResponseSchema;
    },
    get PendingBookingResponseSchema () {
        return PendingBookingResponseSchema;
    },
    get PlaceBookingResponseSchema () {
        return PlaceBookingResponseSchema;
    },
    get PublishShowResponseSchema () {
        return PublishShowResponseSchema;
    },
    get QueuePlaceResponseSchema () {
        return QueuePlaceResponseSchema;
    },
    get SeatMapResponseSchema () {
        return SeatMapResponseSchema;
    },
    get SeatViewSchema () {
        return SeatViewSchema;
    },
    get ShowCategoryViewSchema () {
        return ShowCategoryViewSchema;
    },
    get ShowDetailResponseSchema () {
        return ShowDetailResponseSchema;
    },
    get ShowListResponseSchema () {
        return ShowListResponseSchema;
    },
    get ShowSectionViewSchema () {
        return ShowSectionViewSchema;
    },
    get ShowSummarySchema () {
        return ShowSummarySchema;
    },
    get ShowWaitingRoomSchema () {
        return ShowWaitingRoomSchema;
    },
    get TicketViewSchema () {
        return TicketViewSchema;
    },
    get TransferTicketResponseSchema () {
        return TransferTicketResponseSchema;
    },
    get WaitingRoomResponseSchema () {
        return WaitingRoomResponseSchema;
    },
    get WaitlistEntryViewSchema () {
        return WaitlistEntryViewSchema;
    }
});
const _swagger = require("@nestjs/swagger");
const _waitlistevents = require("./waitlist.events");
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
/**
 * The response bodies of the box office (show/booking/ticket.response.ts) as OpenAPI schemas
 * (GET /openapi.json). Each class implements its interface, so the compiler refuses a schema that
 * lacks a field or types it otherwise; test/openapi checks real responses against them.
 */ const POSITION = {
    description: 'Global log position of the change, a decimal string (also in `X-Position`).',
    pattern: '^\\d+$',
    example: '42'
};
const MINOR_UNITS = {
    type: 'integer',
    minimum: 0,
    description: 'Minor units (cents) of `currency`.'
};
const CURRENCY = {
    description: 'ISO 4217 code.',
    pattern: '^[A-Z]{3}$',
    example: 'EUR'
};
const DATE_TIME = {
    format: 'date-time',
    description: 'ISO 8601 UTC.'
};
const SHOW_STATUSES = [
    'draft',
    'on_sale',
    'cancelled'
];
const SEAT_STATUSES = [
    'available',
    'held',
    'sold'
];
const BOOKING_STATUSES = [
    'pending',
    'held',
    'confirmed',
    'expired',
    'cancelled',
    'refunded',
    'rejected'
];
const TICKET_STATUSES = [
    'valid',
    'checked_in',
    'void'
];
const SEAT_ID = {
    description: '`{sectionId}-{rowLabel}-{number}`, e.g. `A-1-7`.',
    example: 'A-1-7'
};
let CreateShowResponseSchema = class CreateShowResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CreateShowResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], CreateShowResponseSchema.prototype, "position", void 0);
CreateShowResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'CreateShowResponse'
    })
], CreateShowResponseSchema);
let PublishShowResponseSchema = class PublishShowResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], PublishShowResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'on_sale'
        ]
    }),
    _ts_metadata("design:type", String)
], PublishShowResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], PublishShowResponseSchema.prototype, "position", void 0);
PublishShowResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'PublishShowResponse'
    })
], PublishShowResponseSchema);
let CancelShowResponseSchema = class CancelShowResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CancelShowResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'cancelled'
        ]
    }),
    _ts_metadata("design:type", String)
], CancelShowResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], CancelShowResponseSchema.prototype, "position", void 0);
CancelShowResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'CancelShowResponse'
    })
], CancelShowResponseSchema);
let ShowSummarySchema = class ShowSummarySchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSummarySchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSummarySchema.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSummarySchema.prototype, "venue", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], ShowSummarySchema.prototype, "startsAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: SHOW_STATUSES
    }),
    _ts_metadata("design:type", typeof ShowStatus === "undefined" ? Object : ShowStatus)
], ShowSummarySchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(CURRENCY),
    _ts_metadata("design:type", String)
], ShowSummarySchema.prototype, "currency", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...MINOR_UNITS,
        description: 'The lowest price among categories that have seats, minor units.'
    }),
    _ts_metadata("design:type", Number)
], ShowSummarySchema.prototype, "priceFrom", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSummarySchema.prototype, "capacity", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSummarySchema.prototype, "available", void 0);
ShowSummarySchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowSummary'
    })
], ShowSummarySchema);
let ShowListResponseSchema = class ShowListResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: ShowSummarySchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], ShowListResponseSchema.prototype, "items", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true,
        description: 'Pass as `cursor` for the next page; null on the last one.'
    }),
    _ts_metadata("design:type", Object)
], ShowListResponseSchema.prototype, "nextCursor", void 0);
ShowListResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowListResponse'
    })
], ShowListResponseSchema);
let ShowCategoryViewSchema = class ShowCategoryViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowCategoryViewSchema.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowCategoryViewSchema.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(MINOR_UNITS),
    _ts_metadata("design:type", Number)
], ShowCategoryViewSchema.prototype, "price", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowCategoryViewSchema.prototype, "capacity", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowCategoryViewSchema.prototype, "available", void 0);
ShowCategoryViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowCategoryView'
    })
], ShowCategoryViewSchema);
let ShowSectionViewSchema = class ShowSectionViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSectionViewSchema.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSectionViewSchema.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowSectionViewSchema.prototype, "categoryId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSectionViewSchema.prototype, "capacity", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], ShowSectionViewSchema.prototype, "available", void 0);
ShowSectionViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowSectionView'
    })
], ShowSectionViewSchema);
let ShowWaitingRoomSchema = class ShowWaitingRoomSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'While true, POST /api/bookings needs an `X-Admission-Token` for the show.'
    }),
    _ts_metadata("design:type", Boolean)
], ShowWaitingRoomSchema.prototype, "enabled", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], ShowWaitingRoomSchema.prototype, "opensAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        maximum: 100000
    }),
    _ts_metadata("design:type", Number)
], ShowWaitingRoomSchema.prototype, "admitPerMinute", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        maximum: 60
    }),
    _ts_metadata("design:type", Number)
], ShowWaitingRoomSchema.prototype, "tokenMinutes", void 0);
ShowWaitingRoomSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowWaitingRoom'
    })
], ShowWaitingRoomSchema);
let ShowDetailResponseSchema = class ShowDetailResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowDetailResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowDetailResponseSchema.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], ShowDetailResponseSchema.prototype, "venue", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], ShowDetailResponseSchema.prototype, "startsAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: SHOW_STATUSES
    }),
    _ts_metadata("design:type", typeof ShowStatus === "undefined" ? Object : ShowStatus)
], ShowDetailResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(CURRENCY),
    _ts_metadata("design:type", String)
], ShowDetailResponseSchema.prototype, "currency", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], ShowDetailResponseSchema.prototype, "holdMinutes", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], ShowDetailResponseSchema.prototype, "maxSeatsPerBooking", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: ShowCategoryViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], ShowDetailResponseSchema.prototype, "categories", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: ShowSectionViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], ShowDetailResponseSchema.prototype, "sections", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: ShowWaitingRoomSchema,
        required: false,
        description: 'Present once the show has a waiting room configured (PUT /api/shows/{showId}/waiting-room).'
    }),
    _ts_metadata("design:type", typeof ShowWaitingRoomSchema === "undefined" ? Object : ShowWaitingRoomSchema)
], ShowDetailResponseSchema.prototype, "waitingRoom", void 0);
ShowDetailResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'ShowDetailResponse'
    })
], ShowDetailResponseSchema);
let SeatViewSchema = class SeatViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(SEAT_ID),
    _ts_metadata("design:type", String)
], SeatViewSchema.prototype, "seatId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], SeatViewSchema.prototype, "sectionId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], SeatViewSchema.prototype, "row", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1
    }),
    _ts_metadata("design:type", Number)
], SeatViewSchema.prototype, "number", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], SeatViewSchema.prototype, "categoryId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: SEAT_STATUSES
    }),
    _ts_metadata("design:type", typeof SeatStatus === "undefined" ? Object : SeatStatus)
], SeatViewSchema.prototype, "status", void 0);
SeatViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'SeatView'
    })
], SeatViewSchema);
let SeatMapResponseSchema = class SeatMapResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], SeatMapResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: SeatViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], SeatMapResponseSchema.prototype, "seats", void 0);
SeatMapResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'SeatMapResponse'
    })
], SeatMapResponseSchema);
let IssuedTicketViewSchema = class IssuedTicketViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], IssuedTicketViewSchema.prototype, "ticketId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(SEAT_ID),
    _ts_metadata("design:type", String)
], IssuedTicketViewSchema.prototype, "seatId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The signed QR content.'
    }),
    _ts_metadata("design:type", String)
], IssuedTicketViewSchema.prototype, "code", void 0);
IssuedTicketViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'IssuedTicketView'
    })
], IssuedTicketViewSchema);
let BookingDiscountSchema = class BookingDiscountSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The voucher code (upper case).'
    }),
    _ts_metadata("design:type", String)
], BookingDiscountSchema.prototype, "code", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...MINOR_UNITS,
        description: 'Minor units taken off the seats’ prices.'
    }),
    _ts_metadata("design:type", Number)
], BookingDiscountSchema.prototype, "amount", void 0);
BookingDiscountSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'BookingDiscount'
    })
], BookingDiscountSchema);
let CreateVoucherResponseSchema = class CreateVoucherResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CreateVoucherResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The code as stored (upper case).'
    }),
    _ts_metadata("design:type", String)
], CreateVoucherResponseSchema.prototype, "code", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], CreateVoucherResponseSchema.prototype, "position", void 0);
CreateVoucherResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'CreateVoucherResponse'
    })
], CreateVoucherResponseSchema);
let JoinWaitlistResponseSchema = class JoinWaitlistResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], JoinWaitlistResponseSchema.prototype, "entryId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], JoinWaitlistResponseSchema.prototype, "position", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        description: 'The entry’s number in the show’s list, in the order of joining: entries are offered seats in this order.'
    }),
    _ts_metadata("design:type", Number)
], JoinWaitlistResponseSchema.prototype, "number", void 0);
JoinWaitlistResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'JoinWaitlistResponse'
    })
], JoinWaitlistResponseSchema);
let WaitlistEntryViewSchema = class WaitlistEntryViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], WaitlistEntryViewSchema.prototype, "entryId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], WaitlistEntryViewSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        nullable: true,
        description: 'The category waited for; null: any.'
    }),
    _ts_metadata("design:type", Object)
], WaitlistEntryViewSchema.prototype, "categoryId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1
    }),
    _ts_metadata("design:type", Number)
], WaitlistEntryViewSchema.prototype, "seats", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        nullable: true,
        description: 'Place in line among the show’s waiting entries (1 is offered next); null once not waiting.'
    }),
    _ts_metadata("design:type", Object)
], WaitlistEntryViewSchema.prototype, "position", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _waitlistevents.WAITLIST_ENTRY_STATUSES
    }),
    _ts_metadata("design:type", typeof WaitlistEntryStatus === "undefined" ? Object : WaitlistEntryStatus)
], WaitlistEntryViewSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        required: false,
        description: 'The booking holding the offered seats: pay it as any booking.'
    }),
    _ts_metadata("design:type", String)
], WaitlistEntryViewSchema.prototype, "bookingId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        required: false,
        ...DATE_TIME,
        description: 'While offered: until when the seats are held.'
    }),
    _ts_metadata("design:type", String)
], WaitlistEntryViewSchema.prototype, "expiresAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], WaitlistEntryViewSchema.prototype, "joinedAt", void 0);
WaitlistEntryViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'WaitlistEntryView'
    })
], WaitlistEntryViewSchema);
let MyWaitlistResponseSchema = class MyWaitlistResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: WaitlistEntryViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], MyWaitlistResponseSchema.prototype, "items", void 0);
MyWaitlistResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'MyWaitlistResponse'
    })
], MyWaitlistResponseSchema);
let WaitingRoomResponseSchema = class WaitingRoomResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], WaitingRoomResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Boolean)
], WaitingRoomResponseSchema.prototype, "enabled", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        description: 'Arrivals before it are shuffled; admission starts at it (ISO 8601 UTC).'
    }),
    _ts_metadata("design:type", String)
], WaitingRoomResponseSchema.prototype, "opensAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        maximum: 100000
    }),
    _ts_metadata("design:type", Number)
], WaitingRoomResponseSchema.prototype, "admitPerMinute", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 1,
        maximum: 60
    }),
    _ts_metadata("design:type", Number)
], WaitingRoomResponseSchema.prototype, "tokenMinutes", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], WaitingRoomResponseSchema.prototype, "position", void 0);
WaitingRoomResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'WaitingRoomResponse'
    })
], WaitingRoomResponseSchema);
let JoinQueueResponseSchema = class JoinQueueResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The place; the same for every join of one account.'
    }),
    _ts_metadata("design:type", String)
], JoinQueueResponseSchema.prototype, "queueId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0,
        description: 'Places ahead, plus one: 1 is the next admitted; 0 once admitted. The global log position is in `X-Position`.'
    }),
    _ts_metadata("design:type", Number)
], JoinQueueResponseSchema.prototype, "position", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], JoinQueueResponseSchema.prototype, "estimatedWaitSeconds", void 0);
JoinQueueResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'JoinQueueResponse'
    })
], JoinQueueResponseSchema);
let QueuePlaceResponseSchema = class QueuePlaceResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0,
        description: '1 is the next admitted; 0 once admitted.'
    }),
    _ts_metadata("design:type", Number)
], QueuePlaceResponseSchema.prototype, "position", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer',
        minimum: 0
    }),
    _ts_metadata("design:type", Number)
], QueuePlaceResponseSchema.prototype, "estimatedWaitSeconds", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Boolean)
], QueuePlaceResponseSchema.prototype, "admitted", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        required: false,
        description: 'Once admitted: send it as `X-Admission-Token` with POST /api/bookings. Signed, bound to the account and the show.'
    }),
    _ts_metadata("design:type", String)
], QueuePlaceResponseSchema.prototype, "admissionToken", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        required: false,
        ...DATE_TIME,
        description: 'When the admission token stops working.'
    }),
    _ts_metadata("design:type", String)
], QueuePlaceResponseSchema.prototype, "admissionExpiresAt", void 0);
QueuePlaceResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'QueuePlaceResponse'
    })
], QueuePlaceResponseSchema);
let PlaceBookingResponseSchema = class PlaceBookingResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], PlaceBookingResponseSchema.prototype, "bookingId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'held'
        ]
    }),
    _ts_metadata("design:type", String)
], PlaceBookingResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], PlaceBookingResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        isArray: true,
        description: 'Seat ids, as asked for.'
    }),
    _ts_metadata("design:type", Array)
], PlaceBookingResponseSchema.prototype, "seats", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        description: 'When the hold lapses unless paid, ISO 8601 UTC.'
    }),
    _ts_metadata("design:type", String)
], PlaceBookingResponseSchema.prototype, "expiresAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(MINOR_UNITS),
    _ts_metadata("design:type", Number)
], PlaceBookingResponseSchema.prototype, "amount", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(CURRENCY),
    _ts_metadata("design:type", String)
], PlaceBookingResponseSchema.prototype, "currency", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: BookingDiscountSchema,
        required: false,
        description: 'The voucher it was placed with; absent without one.'
    }),
    _ts_metadata("design:type", typeof BookingDiscountSchema === "undefined" ? Object : BookingDiscountSchema)
], PlaceBookingResponseSchema.prototype, "discount", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], PlaceBookingResponseSchema.prototype, "position", void 0);
PlaceBookingResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'PlaceBookingResponse'
    })
], PlaceBookingResponseSchema);
let PendingBookingResponseSchema = class PendingBookingResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'Poll `GET /api/bookings/{bookingId}` (the `Location` header).'
    }),
    _ts_metadata("design:type", String)
], PendingBookingResponseSchema.prototype, "bookingId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'pending'
        ]
    }),
    _ts_metadata("design:type", String)
], PendingBookingResponseSchema.prototype, "status", void 0);
PendingBookingResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'PendingBookingResponse'
    })
], PendingBookingResponseSchema);
let PayBookingResponseSchema = class PayBookingResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], PayBookingResponseSchema.prototype, "bookingId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'confirmed'
        ]
    }),
    _ts_metadata("design:type", String)
], PayBookingResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IssuedTicketViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], PayBookingResponseSchema.prototype, "tickets", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], PayBookingResponseSchema.prototype, "position", void 0);
PayBookingResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'PayBookingResponse'
    })
], PayBookingResponseSchema);
let CancelBookingResponseSchema = class CancelBookingResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CancelBookingResponseSchema.prototype, "bookingId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'cancelled',
            'refunded'
        ],
        description: '`refunded` whenever a charge was taken.'
    }),
    _ts_metadata("design:type", String)
], CancelBookingResponseSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], CancelBookingResponseSchema.prototype, "position", void 0);
CancelBookingResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'CancelBookingResponse'
    })
], CancelBookingResponseSchema);
let BookingViewSchema = class BookingViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], BookingViewSchema.prototype, "bookingId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], BookingViewSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: BOOKING_STATUSES
    }),
    _ts_metadata("design:type", typeof BookingStatus === "undefined" ? Object : BookingStatus)
], BookingViewSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'string',
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], BookingViewSchema.prototype, "seats", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        ...DATE_TIME,
        type: 'string',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], BookingViewSchema.prototype, "expiresAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(MINOR_UNITS),
    _ts_metadata("design:type", Number)
], BookingViewSchema.prototype, "amount", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(CURRENCY),
    _ts_metadata("design:type", String)
], BookingViewSchema.prototype, "currency", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IssuedTicketViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], BookingViewSchema.prototype, "tickets", void 0);
BookingViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'BookingView'
    })
], BookingViewSchema);
let MyBookingsResponseSchema = class MyBookingsResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: BookingViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], MyBookingsResponseSchema.prototype, "items", void 0);
MyBookingsResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'MyBookingsResponse'
    })
], MyBookingsResponseSchema);
let TicketViewSchema = class TicketViewSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], TicketViewSchema.prototype, "ticketId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], TicketViewSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(SEAT_ID),
    _ts_metadata("design:type", String)
], TicketViewSchema.prototype, "seatId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: TICKET_STATUSES
    }),
    _ts_metadata("design:type", typeof TicketStatus === "undefined" ? Object : TicketStatus)
], TicketViewSchema.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The signed QR content of the current version.'
    }),
    _ts_metadata("design:type", String)
], TicketViewSchema.prototype, "code", void 0);
TicketViewSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'TicketView'
    })
], TicketViewSchema);
let MyTicketsResponseSchema = class MyTicketsResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: TicketViewSchema,
        isArray: true
    }),
    _ts_metadata("design:type", Array)
], MyTicketsResponseSchema.prototype, "items", void 0);
MyTicketsResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'MyTicketsResponse'
    })
], MyTicketsResponseSchema);
let TransferTicketResponseSchema = class TransferTicketResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], TransferTicketResponseSchema.prototype, "ticketId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], TransferTicketResponseSchema.prototype, "ownerId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The new QR content; the old one stops working.'
    }),
    _ts_metadata("design:type", String)
], TransferTicketResponseSchema.prototype, "code", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], TransferTicketResponseSchema.prototype, "position", void 0);
TransferTicketResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'TransferTicketResponse'
    })
], TransferTicketResponseSchema);
let CheckInResponseSchema = class CheckInResponseSchema {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CheckInResponseSchema.prototype, "ticketId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CheckInResponseSchema.prototype, "showId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(SEAT_ID),
    _ts_metadata("design:type", String)
], CheckInResponseSchema.prototype, "seatId", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(DATE_TIME),
    _ts_metadata("design:type", String)
], CheckInResponseSchema.prototype, "checkedInAt", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(POSITION),
    _ts_metadata("design:type", String)
], CheckInResponseSchema.prototype, "position", void 0);
CheckInResponseSchema = _ts_decorate([
    (0, _swagger.ApiSchema)({
        name: 'CheckInResponse'
    })
], CheckInResponseSchema);

//# sourceMappingURL=responses.schema.js.map