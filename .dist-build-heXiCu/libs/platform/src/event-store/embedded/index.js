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
    get CleanEndUnreadableError () {
        return _cleanend.CleanEndUnreadableError;
    },
    get ConsumerGroupNotFoundError () {
        return _consumergroups.ConsumerGroupNotFoundError;
    },
    get DataDirLockedError () {
        return _datadirlock.DataDirLockedError;
    },
    get EXIT_LOG_DAMAGED () {
        return _startupfailure.EXIT_LOG_DAMAGED;
    },
    get EmbeddedEventStore () {
        return _embeddedeventstore.EmbeddedEventStore;
    },
    get EventStoreClosedError () {
        return _embeddedeventstore.EventStoreClosedError;
    },
    get LOG_REPAIR_STREAM () {
        return _embeddedeventstore.LOG_REPAIR_STREAM;
    },
    get LogCorruptedError () {
        return _logfile.LogCorruptedError;
    },
    get LogWriteFailedError () {
        return _groupcommitwriter.LogWriteFailedError;
    },
    get PositionNotInLogError () {
        return _embeddedeventstore.PositionNotInLogError;
    },
    get RecordTooLargeError () {
        return _recordcodec.RecordTooLargeError;
    },
    get describeStartupFailure () {
        return _startupfailure.describeStartupFailure;
    },
    get parkedStreamOf () {
        return _embeddedeventstore.parkedStreamOf;
    },
    get repairLog () {
        return _logrepair.repairLog;
    },
    get verifyLog () {
        return _logrepair.verifyLog;
    }
});
const _embeddedeventstore = require("./embedded-event-store");
const _datadirlock = require("./data-dir-lock");
const _logfile = require("./log-file");
const _cleanend = require("./clean-end");
const _logrepair = require("./log-repair");
const _startupfailure = require("./startup-failure");
const _groupcommitwriter = require("./group-commit-writer");
const _consumergroups = require("./consumer-groups");
const _recordcodec = require("./record-codec");

//# sourceMappingURL=index.js.map