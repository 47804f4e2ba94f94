/** Deeper than any credential's data: past it the walk gives up (and a cycle never ends it). */
const MAX_DEPTH = 64;

/** A number's JSON is at most this long (`-1.2345678901234567e-308`). */
const NUMBER_CHARS = 25;

/**
 * An upper bound on the length of `JSON.stringify(value)` (a string may escape to six characters a
 * character), or `Infinity` as soon as the bound passes `max` or the value is not plain JSON data
 * (BigInt, `toJSON`, class instances, too deep): the caller then measures the exact way.
 */
function boundOf(value: unknown, max: number, depth: number): number {
  switch (typeof value) {
    case 'string':
      return 2 + 6 * value.length;
    case 'number':
      return NUMBER_CHARS;
    case 'boolean':
    case 'undefined':
    case 'function':
    case 'symbol':
      return 5; // `false`, or `null` in an array; skipped members only make the text shorter
    case 'object':
      break;
    default:
      return Number.POSITIVE_INFINITY; // bigint: JSON.stringify throws
  }
  if (value === null) return 4;
  if (depth >= MAX_DEPTH || 'toJSON' in value) return Number.POSITIVE_INFINITY;
  let total = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      total += 1 + boundOf(item, max - total, depth + 1);
      if (total > max) return Number.POSITIVE_INFINITY;
    }
    return total;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return Number.POSITIVE_INFINITY;
  // for…in without an array of keys: a plain object's inherited properties are Object.prototype's,
  // none enumerable, so this visits exactly its own enumerable keys.
  for (const key in value) {
    total += 4 + 6 * key.length + boundOf((value as Record<string, unknown>)[key], max - total, depth + 1);
    if (total > max) return Number.POSITIVE_INFINITY;
  }
  return total;
}

/**
 * True when `JSON.stringify(value)` surely succeeds with at most `max` characters, found without
 * building the text; false means "not sure", never "too large".
 */
export function surelyFitsJson(value: unknown, max: number): boolean {
  return boundOf(value, max, 0) <= max;
}
