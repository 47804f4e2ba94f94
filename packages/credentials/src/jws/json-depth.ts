// Platform-free (the browser verifier shares it).

/**
 * How deep decoded JSON may nest. A credential, a FHIR bundle or a seal nests a dozen levels at most;
 * past a few thousand, `JSON.stringify` of a report echoing the data overflows the stack. A QR text
 * of 160 characters inflates to 5,000 nested arrays, so the bound is checked where JSON is decoded.
 */
export const MAX_JSON_DEPTH = 64;

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** `container` and what it holds nest at most `max` levels (it counts as one). */
function within(container: object, max: number): boolean {
  if (max <= 0) return false;
  // Only arrays and objects are visited: most members are strings and numbers, which cost no call.
  if (Array.isArray(container)) {
    for (const item of container) if (isContainer(item) && !within(item, max - 1)) return false;
    return true;
  }
  for (const key in container) {
    const member = (container as Record<string, unknown>)[key];
    if (isContainer(member) && !within(member, max - 1)) return false;
  }
  return true;
}

/**
 * True when `value` (JSON data: objects, arrays, scalars) nests at most `max` arrays or objects deep.
 * Stops at the first branch past the bound, so a hostile value costs no more than a valid one.
 */
export function withinJsonDepth(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  return !isContainer(value) || within(value, max);
}
