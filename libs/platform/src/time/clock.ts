import { randomUUID } from 'node:crypto';

/** Clock and id ports: the only sources of time and new ids; the domain receives both in commands. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export abstract class IdGenerator {
  abstract newId(): string;
}

export class RandomUuids extends IdGenerator {
  newId(): string {
    return randomUUID();
  }
}
