import 'reflect-metadata';
import { CreateShowRequest, RegisterRequest } from '@tessera/contracts';
import { getMetadataStorage, IsInt, IsString, Min } from 'class-validator';
import { createValidationPipe, ValidationFailedException } from './validation';

const errorsOf = async (metatype: new () => object, body: unknown): Promise<{ field: string; message: string }[]> => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.errors;
    throw error;
  }
  return [];
};

const show = {
  name: 'Night Concert',
  venue: 'Arena',
  startsAt: '2030-05-01T19:30:00Z',
  currency: 'EUR',
  holdMinutes: 10,
  maxSeatsPerBooking: 4,
  categories: [{ id: 'vip', name: 'VIP', price: 100 }],
  sections: [{ id: 'A', name: 'Stalls', categoryId: 'vip', rows: [{ label: '1', seats: 3 }] }],
};

describe('the validation pipe', () => {
  it('accepts a well-formed show', async () => {
    expect(await errorsOf(CreateShowRequest, show)).toEqual([]);
  });

  it('says "is required" once for each absent field', async () => {
    expect(await errorsOf(RegisterRequest, { email: 'ada@example.com' })).toEqual([
      { field: 'password', message: 'is required' },
      { field: 'displayName', message: 'is required' },
    ]);
  });

  it('counts null as absent', async () => {
    expect(await errorsOf(RegisterRequest, { email: null, password: 'Violet-Harbour-Lantern-93', displayName: 'Ada' })).toEqual([
      { field: 'email', message: 'is required' },
    ]);
  });

  it('keeps the rule messages for a present but wrong field', async () => {
    expect(await errorsOf(RegisterRequest, { email: 'ada@example.com', password: 'short', displayName: 'Ada' })).toEqual([
      { field: 'password', message: expect.stringMatching(/longer than or equal to/) },
    ]);
  });

  it.each([
    ['sections: [[]]', { sections: [[]] }, 'sections[0]'],
    ['a section given as an array of sections', { sections: [[show.sections[0]]] }, 'sections[0]'],
    ['categories: [[1]]', { categories: [[1]] }, 'categories[0]'],
    ['rows: [[]] inside a section', { sections: [{ ...show.sections[0], rows: [[]] }] }, 'sections[0].rows[0]'],
  ])('refuses an array where a nested object is expected: %s', async (_name, change, field) => {
    expect(await errorsOf(CreateShowRequest, { ...show, ...change })).toContainEqual({ field, message: 'must be an object' });
  });
});

describe("the pipe's cache of each class's rules", () => {
  it('keeps them frozen and looks them up once per class and options', async () => {
    await errorsOf(RegisterRequest, { email: 'ada@example.com', password: 'Violet-Harbour-Lantern-93', displayName: 'Ada' });
    const storage = getMetadataStorage();
    const rules = storage.getTargetValidationMetadatas(RegisterRequest, '', false, false);
    expect(rules.length).toBeGreaterThan(2);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(storage.getTargetValidationMetadatas(RegisterRequest, '', false, false)).toBe(rules);
  });

  it('takes in the rules of a class defined after it was first used, and of its subclasses', async () => {
    expect(await errorsOf(RegisterRequest, { email: 'not-an-email', password: 'Violet-Harbour-Lantern-93', displayName: 'Ada' })).toHaveLength(1);
    class Later {
      @IsString()
      name!: string;
    }
    class LaterStill extends Later {
      @IsInt()
      @Min(1)
      count!: number;
    }
    expect(await errorsOf(Later, { name: 'x' })).toEqual([]);
    expect(await errorsOf(Later, { name: 3 })).toEqual([{ field: 'name', message: 'must be a string' }]);
    expect(await errorsOf(LaterStill, { name: 3, count: 0 })).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'must be a string' },
        { field: 'count', message: 'must not be less than 1' },
      ]),
    );
    expect(await errorsOf(LaterStill, { name: 'x', count: 2, extra: true })).toEqual([{ field: 'extra', message: 'is not allowed' }]);
    // A rule added to a class already validated (a decorator applied late) counts from then on.
    IsInt()(Later.prototype, 'age');
    expect(await errorsOf(Later, { name: 'x', age: 'old' })).toEqual([{ field: 'age', message: 'must be an integer number' }]);
  });
});
