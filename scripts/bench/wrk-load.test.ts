import { describe, expect, it } from 'vitest';
import { luaString } from './wrk-load.js';

/** What Lua reads from a long string: the text up to the first closing bracket of its level. */
function readLuaLongString(literal: string): string {
  const open = /^\[(=*)\[/.exec(literal);
  if (!open) throw new Error('not a long string');
  const level = open[1] ?? '';
  const start = open[0].length;
  const end = literal.indexOf(`]${level}]`, start);
  if (end !== literal.length - level.length - 2) throw new Error('the long string ends early');
  return literal.slice(start, end);
}

describe('luaString', () => {
  it.each([
    '{"qr":"PV1:ABC","economy":"THA"}',
    '[{"data":{"doses":[1,2]}}]', // ends in `]`, and holds `]]`
    'a]]b]=]c]==]',
    ']',
    'Bearer psk_0123456789abcdef_x',
    '',
  ])('gives back %j as Lua reads it', (text) => {
    expect(readLuaLongString(luaString(text))).toBe(text);
  });
});
