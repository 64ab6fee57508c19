import { Transform } from 'class-transformer';

/** Trims strings before validation; anything else passes untouched so the validators refuse it. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
