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
    get FeedBatch () {
        return FeedBatch;
    },
    get feedEntryOf () {
        return feedEntryOf;
    }
});
const _eventstream = require("../../../../libs/platform/src/http/event-stream");
const _readmodels = require("../../../../libs/read-models/src");
const _fanview = require("./fan-view");
const frameOf = (event, data)=>Buffer.from((0, _eventstream.formatEvent)({
        id: String(event.position),
        event: event.type,
        data: JSON.stringify({
            ...(0, _readmodels.liveEventOf)(event),
            data
        })
    }));
const feedEntryOf = async (event, owners)=>{
    const showId = event.data.showId;
    const entry = {
        position: event.position,
        type: event.type,
        showId: typeof showId === 'string' ? showId : undefined,
        staffFrame: frameOf(event, event.data)
    };
    const audience = await (0, _fanview.fanAudienceOf)(event, owners);
    if (audience.kind === 'every-fan') entry.everyFanFrame = frameOf(event, audience.data);
    else if (audience.kind === 'owners') entry.ownerFrames = new Map(audience.views.map(([userId, data])=>[
            userId,
            frameOf(event, data)
        ]));
    return entry;
};
let FeedBatch = class FeedBatch {
    constructor(entries){
        this.entries = entries;
        /** Users who own an event of this batch: their messages differ from the other fans'. */ this.owners = new Set();
        this.first = entries[0].position;
        this.last = entries[entries.length - 1].position;
        for (const entry of entries)if (entry.ownerFrames) for (const userId of entry.ownerFrames.keys())this.owners.add(userId);
    }
    get staffFrames() {
        return this.staff ??= Buffer.concat(this.entries.map((entry)=>entry.staffFrame));
    }
    get everyFanFrames() {
        if (!this.everyFan) {
            const frames = this.entries.flatMap((entry)=>entry.everyFanFrame ? [
                    entry.everyFanFrame
                ] : []);
            this.everyFan = {
                frames: Buffer.concat(frames),
                count: frames.length
            };
        }
        return this.everyFan;
    }
};

//# sourceMappingURL=feed-entry.js.map