// RFC 8785 (JCS) canonical JSON for values that came out of JSON.parse, on the verifier's hot path.
// The `canonicalize` package (signature.ts) stays for any other value: it also handles toJSON,
// undefined and symbols, which JSON text cannot hold. canonical.test.ts checks that both agree.

function serialize(value: unknown): string {
  if (typeof value === 'number') {
    // JSON.parse reads 1e400 as Infinity; RFC 8785 has no form for it (canonicalize throws too).
    if (!Number.isFinite(value)) throw new RangeError('a number is not finite');
    return JSON.stringify(value);
  }
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + serialize(value[i]);
    return `${out}]`;
  }
  // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 orders member names.
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${serialize((value as Record<string, unknown>)[key])}`;
  }
  return `${out}}`;
}

/**
 * The RFC 8785 canonical form of `value`, which must be JSON data as JSON.parse makes it (plain
 * objects, arrays, strings, numbers, booleans, null). Returns undefined when there is no canonical
 * form: a number beyond the double range, or nesting deeper than the stack allows.
 */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return serialize(value);
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of {@link canonicalJson} of `value`; undefined when it has no canonical form. */
export function canonicalJsonBytes(value: unknown): Uint8Array | undefined {
  const text = canonicalJson(value);
  return text === undefined ? undefined : encoder.encode(text);
}
