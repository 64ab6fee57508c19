import { FORBIDDEN_JSON_KEYS, isJsonContentType, jsonDepthExceeds, MAX_JSON_DEPTH, parseJsonBody } from './json-body';
import { ValidationFailedException } from './validation';

const errorsOf = (text: string): { field: string; message: string }[] => {
  try {
    parseJsonBody(text);
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.errors;
    throw error;
  }
  throw new Error(`accepted ${text.slice(0, 80)}`);
};

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('parseJsonBody (API.md transport rules)', () => {
  it('parses an ordinary body, and an empty one as {}', () => {
    expect(parseJsonBody('{"email":"a@b.c","n":[1,{"x":"é😀"}]}')).toEqual({ email: 'a@b.c', n: [1, { x: 'é😀' }] });
    expect(parseJsonBody('  ')).toEqual({});
  });

  it('accepts 32 levels of nesting and refuses 33', () => {
    expect(parseJsonBody(nested(MAX_JSON_DEPTH))).toBeDefined();
    expect(errorsOf(nested(MAX_JSON_DEPTH + 1))).toEqual([{ field: '(body)', message: 'is nested deeper than 32 levels' }]);
  });

  it('refuses 50,000 levels without overflowing the stack', () => {
    expect(errorsOf(`{"a":${'['.repeat(50_000)}`)[0].message).toMatch(/nested deeper/);
    expect(errorsOf(nested(50_000))[0].message).toMatch(/nested deeper/);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '['.repeat(100) + '\\"' + '{'.repeat(100), t: '"]]]' });
    expect(jsonDepthExceeds(text, 1)).toBe(false);
    expect(parseJsonBody(text)).toEqual(JSON.parse(text));
  });

  it.each([
    ['{"email":"\\ud800@example.com"}', 'email'],
    ['{"a":{"b":["ok","x\\udc00"]}}', 'a.b[1]'],
    ['{"sections":[{"rows":[{"label":"\\udbff"}]}]}', 'sections[0].rows[0].label'],
  ])('refuses a lone surrogate in a string: %s', (text, field) => {
    expect(errorsOf(text)).toEqual([{ field, message: 'contains a lone UTF-16 surrogate' }]);
  });

  it('accepts a surrogate pair written as escapes', () => {
    expect(parseJsonBody('{"name":"\\ud83d\\ude00"}')).toEqual({ name: '😀' });
  });

  it('refuses a lone surrogate in a key', () => {
    expect(errorsOf('{"\\ud800":1}')[0].message).toMatch(/surrogate/);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'])(
    'refuses the key %s at the top and nested',
    (key) => {
      expect(errorsOf(`{"${key}":{"isAdmin":true}}`)).toEqual([{ field: key, message: 'is not allowed' }]);
      expect(errorsOf(`{"card":{"number":"1","${key}":1}}`)).toEqual([{ field: `card.${key}`, message: 'is not allowed' }]);
      expect(errorsOf(`[{"${key}":1}]`)).toEqual([{ field: `[0].${key}`, message: 'is not allowed' }]);
    },
  );

  it('names every Object.prototype member among the refused keys', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(FORBIDDEN_JSON_KEYS.has(name)).toBe(true);
  });

  it('refuses text that is not JSON, and scalars at the top', () => {
    expect(errorsOf('{"a":')).toEqual([{ field: '(body)', message: 'is not valid JSON' }]);
    expect(errorsOf('email=a%40b.c&password=x')).toEqual([{ field: '(body)', message: 'must be a JSON object' }]);
    expect(errorsOf('"text"')).toEqual([{ field: '(body)', message: 'must be a JSON object' }]);
  });
});

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset="UTF-8"', true],
    ['application/json; charset=latin1', false],
    ['application/x-www-form-urlencoded', false],
    ['text/plain', false],
    ['multipart/form-data; boundary=x', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});
