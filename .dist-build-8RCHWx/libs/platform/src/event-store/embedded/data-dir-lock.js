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
    get DataDirLock () {
        return DataDirLock;
    },
    get DataDirLockedError () {
        return DataDirLockedError;
    }
});
const _promises = require("node:fs/promises");
let DataDirLockedError = class DataDirLockedError extends Error {
    constructor(lockPath, ownerPid){
        super(`the event log at ${lockPath.replace(/\/LOCK$/, '')} is already open in process ${ownerPid}; stop it or use another DATA_DIR`), this.lockPath = lockPath, this.ownerPid = ownerPid;
        this.name = 'DataDirLockedError';
    }
};
/** Lock files this process holds, so a second store in the same process is refused too. */ const heldHere = new Set();
const processAlive = (pid)=>{
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return error.code === 'EPERM';
    }
};
const readOwner = async (lockPath)=>{
    const text = await (0, _promises.readFile)(lockPath, 'utf8').catch(()=>'');
    const pid = Number.parseInt(text, 10);
    return Number.isSafeInteger(pid) ? pid : 0;
};
let DataDirLock = class DataDirLock {
    constructor(lockPath){
        this.lockPath = lockPath;
    }
    static async acquire(lockPath) {
        if (heldHere.has(lockPath)) throw new DataDirLockedError(lockPath, process.pid);
        heldHere.add(lockPath);
        try {
            return await DataDirLock.take(lockPath);
        } catch (error) {
            heldHere.delete(lockPath);
            throw error;
        }
    }
    static async take(lockPath) {
        for(let attempt = 0; attempt < 2; attempt++){
            try {
                const handle = await (0, _promises.open)(lockPath, 'wx');
                await handle.writeFile(`${process.pid}\n`);
                await handle.sync();
                await handle.close();
                return new DataDirLock(lockPath);
            } catch (error) {
                if (error.code !== 'EEXIST') throw error;
            }
            const owner = await readOwner(lockPath);
            // Our own pid without an entry in heldHere is a lock a previous run left behind.
            if (owner > 0 && owner !== process.pid && processAlive(owner)) throw new DataDirLockedError(lockPath, owner);
            await (0, _promises.unlink)(lockPath).catch(()=>undefined);
        }
        throw new DataDirLockedError(lockPath, await readOwner(lockPath));
    }
    async release() {
        heldHere.delete(this.lockPath);
        await (0, _promises.unlink)(this.lockPath).catch(()=>undefined);
    }
};

//# sourceMappingURL=data-dir-lock.js.map