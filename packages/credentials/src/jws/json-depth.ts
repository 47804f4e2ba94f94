// Platform-free (the browser verifier shares it).

/**
 * How deep decoded JSON may nest. A credential, a FHIR bundle or a seal nests a dozen levels at most;
 * past a few thousand, `JSON.stringify` of a report echoing the data overflows the stack. A QR text
 * of 160 characters inflates to 5,000 nested arrays, so the bound is checked where JSON is decoded.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `value` (JSON data: objects, arrays, scalars) nests at most `max` arrays or objects deep.
 * Stops at the first branch past the bound, so a hostile value costs no more than a valid one.
 */
export function withinJsonDepth(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (max <= 0) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!withinJsonDepth(item, max - 1)) return false;
    return true;
  }
  for (const key in value) {
    if (!withinJsonDepth((value as Record<string, unknown>)[key], max - 1)) return false;
  }
  return true;
}
