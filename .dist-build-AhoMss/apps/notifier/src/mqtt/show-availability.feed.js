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
    get ShowAvailabilityFeed () {
        return ShowAvailabilityFeed;
    },
    get availabilityLockKey () {
        return availabilityLockKey;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _readmodels = require("../../../../libs/read-models/src");
const _notificationchannel = require("../channels/notification-channel");
/**
 * The retained `tessera/shows/{showId}/availability` message. The broker keeps the last message
 * a topic received, whatever it says, so the last one published must carry the newest counts,
 * even when deliveries overlap (a flash sale: thousands of seat events for one show, handed over
 * concurrently, retried, or shared between notifier instances). Three rules make it so:
 *
 * - The counts come from the seating read model (the show-detail document the query API serves),
 *   read at publish time, never from the event: a publish can only carry state at least as new
 *   as that of the publishes before it. The delivery first waits until the document has applied
 *   the event, so what is published once the delivery succeeds includes it.
 * - Publishes of one show run one after another (read, publish, PUBACK, then the next read),
 *   across processes too: under a lock on the show (the seat-lock service, Redlock where Redis is
 *   configured). QoS 1 messages of one client on one topic reach subscribers in order, so the
 *   broker's last message is the last read.
 * - Deliveries that arrive while a publish runs share the next one (it reads the newest counts
 *   anyway): a burst of N seat events costs a few publishes, not N.
 */ /** How long a delivery waits for the read model to apply its event before it is retried later. */ const PROJECTION_WAIT_MS = 5000;
/** How long a delivery tries to take the show's lock from another instance. */ const LOCK_WAIT_MS = 5000;
const availabilityLockKey = (showId)=>`lock:mqtt:availability:${showId}`;
const sleep = (ms)=>new Promise((resolve)=>setTimeout(resolve, ms));
let ShowAvailabilityFeed = class ShowAvailabilityFeed {
    constructor(reads, connection, locks, /** MQTT_PUBLISH_TIMEOUT_MS. */ publishTimeoutMs){
        this.reads = reads;
        this.connection = connection;
        this.locks = locks;
        this.publishTimeoutMs = publishTimeoutMs;
        this.queues = new Map();
    }
    /** Resolves once a retained message with counts that include `event` has been acknowledged by the broker. */ async publishAfter(event, showId) {
        await this.projected(showId, event.position);
        await new Promise((resolve, reject)=>{
            const queue = this.queues.get(showId) ?? {
                running: false
            };
            this.queues.set(showId, queue);
            if (!queue.next) queue.next = {
                event,
                waiters: []
            };
            else if (event.position > queue.next.event.position) queue.next.event = event;
            queue.next.waiters.push({
                resolve,
                reject
            });
            if (!queue.running) void this.drain(showId, queue);
        });
    }
    async drain(showId, queue) {
        queue.running = true;
        while(queue.next){
            const { event, waiters } = queue.next;
            queue.next = undefined;
            try {
                await this.publishCurrent(showId, event);
                for (const waiter of waiters)waiter.resolve();
            } catch (error) {
                for (const waiter of waiters)waiter.reject(error);
            }
        }
        queue.running = false;
        this.queues.delete(showId);
    }
    async publishCurrent(showId, event) {
        const lock = await this.lockShow(showId);
        try {
            const detail = await this.detail(showId);
            const message = detail && (0, _contracts.showAvailabilityMessage)(event, detail);
            if (message) await this.connection.publish(message);
        } finally{
            await lock.release();
        }
    }
    async lockShow(showId) {
        const deadline = Date.now() + LOCK_WAIT_MS;
        for(let pause = 5;; pause = Math.min(pause * 2, 100)){
            // Longer than a publish may take, so that the lock outlives the publish it covers.
            const attempt = await this.locks.acquire([
                availabilityLockKey(showId)
            ], this.publishTimeoutMs + 5000);
            if (attempt.acquired) return attempt.lock;
            if (Date.now() > deadline) throw new _notificationchannel.RetryableDeliveryError(`the availability of show ${showId} is being published by another instance`);
            await sleep(pause);
        }
    }
    detail(showId) {
        return this.reads.collection((0, _readmodels.collectionName)(_readmodels.seatingDescriptor, _readmodels.SHOW_DETAIL)).findOne({
            _id: showId
        }, {
            readOnly: true
        });
    }
    /** Waits until the show-detail document has applied the event at `position` (each seat event of a show stamps it). */ async projected(showId, position) {
        const deadline = Date.now() + PROJECTION_WAIT_MS;
        for(let pause = 2;; pause = Math.min(pause * 2, 50)){
            const detail = await this.detail(showId);
            if (detail && detail._position >= position) return;
            if (Date.now() > deadline) throw new _notificationchannel.RetryableDeliveryError(`the seating read model has not reached position ${position} of show ${showId} yet`);
            await sleep(pause);
        }
    }
};

//# sourceMappingURL=show-availability.feed.js.map