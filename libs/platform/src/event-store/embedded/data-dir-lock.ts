import { open, readFile, unlink } from 'node:fs/promises';

/**
 * One writer per log: a second process appending to the same file would interleave frames and
 * break positions. The lock file holds the owner's pid; a lock left by a process that died
 * (kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(`the event log at ${lockPath.replace(/\/LOCK$/, '')} is already open in process ${ownerPid}; stop it or use another DATA_DIR`);
    this.name = 'DataDirLockedError';
  }
}

/** Lock files this process holds, so a second store in the same process is refused too. */
const heldHere = new Set<string>();

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = async (lockPath: string): Promise<number> => {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isSafeInteger(pid) ? pid : 0;
};

export class DataDirLock {
  private constructor(private readonly lockPath: string) {}

  static async acquire(lockPath: string): Promise<DataDirLock> {
    if (heldHere.has(lockPath)) throw new DataDirLockedError(lockPath, process.pid);
    heldHere.add(lockPath);
    try {
      return await DataDirLock.take(lockPath);
    } catch (error) {
      heldHere.delete(lockPath);
      throw error;
    }
  }

  private static async take(lockPath: string): Promise<DataDirLock> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(lockPath, 'wx');
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
        await handle.close();
        return new DataDirLock(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(lockPath);
      // Our own pid without an entry in heldHere is a lock a previous run left behind.
      if (owner > 0 && owner !== process.pid && processAlive(owner)) throw new DataDirLockedError(lockPath, owner);
      await unlink(lockPath).catch(() => undefined);
    }
    throw new DataDirLockedError(lockPath, await readOwner(lockPath));
  }

  async release(): Promise<void> {
    heldHere.delete(this.lockPath);
    await unlink(this.lockPath).catch(() => undefined);
  }
}
