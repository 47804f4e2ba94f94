// The CWT claims of a DCC decoded in one pass straight into JSON data, for the verifier's hot path.
// cbor-x followed by parseDccClaims (./cwt.ts) stays the definition: this reads only the plain subset
// of CBOR real certificates use (definite lengths, integers up to 32 bits, text, arrays, maps, true,
// false, null) and answers undefined for anything else (tags, floats, byte strings in the payload,
// odd keys, deep nesting, malformed input), so that the full path decides. A key given twice keeps
// its last value, as cbor-x's Map and toJsonData keep it. cwt-fast.test.ts checks on mutated
// payloads that every answer equals the full path's.
import { isNumericDate } from '@passage/schema';
import type { DccClaims } from './cwt.js';
import { DCC_LIMITS } from './limits.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Thrown inside the reader to give up; never escapes {@link readDccClaimsFast}. */
const GIVE_UP = new Error('not in the plain subset');
/** Short ASCII texts by their bytes (see Reader#short); bounded, and keyed by content, so unpoisonable. */
const SHORT_TEXTS = new Map<number, string>();
const MAX_SHORT_TEXTS = 4096;
/** Nesting read in claims the DCC does not use, before giving up (the full path decides beyond). */
const MAX_SKIP_DEPTH = 32;

class Reader {
  pos = 0;
  /** The major type and argument of the item whose head {@link next} read last. */
  major = 0;
  arg = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    const value = this.bytes[this.pos++];
    if (value === undefined) throw GIVE_UP;
    return value;
  }

  /** Reads the next item's head: definite arguments of at most 32 bits; simple values keep their code. */
  next(): void {
    const initial = this.byte();
    this.major = initial >> 5;
    const info = initial & 0x1f;
    if (this.major === 7 || info < 24) this.arg = info;
    else if (info === 24) this.arg = this.byte();
    else if (info === 25) this.arg = this.byte() * 0x100 + this.byte();
    else if (info === 26) {
      const high = this.byte() * 0x100 + this.byte();
      this.arg = high * 0x10000 + this.byte() * 0x100 + this.byte();
    } else throw GIVE_UP;
  }

  text(length: number): string {
    const start = this.pos;
    const end = start + length;
    if (end > this.bytes.length) throw GIVE_UP;
    this.pos = end;
    if (length <= 3) return this.short(start, length);
    let out = '';
    for (let i = start; i < end; i++) {
      const byte = this.bytes[i] as number;
      if (byte >= 0x80) return this.utf8(start, end);
      out += String.fromCharCode(byte);
    }
    return out;
  }

  /**
   * Text of at most three bytes (the DCC's member names: `v`, `dn`, `fnt`…), from a table of the ones
   * seen before: the same string each time, so objects built with it share their shapes.
   */
  short(start: number, length: number): string {
    const { bytes } = this;
    let code = length;
    for (let i = 0; i < length; i++) {
      const byte = bytes[start + i] as number;
      if (byte >= 0x80) return this.utf8(start, start + length);
      code = code * 128 + byte;
    }
    let text = SHORT_TEXTS.get(code);
    if (text === undefined) {
      text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(bytes[start + i] as number);
      // ASCII of at most three characters: the table cannot hold more than 128^3 + … entries, and is capped lower.
      if (SHORT_TEXTS.size < MAX_SHORT_TEXTS) SHORT_TEXTS.set(code, text);
    }
    return text;
  }

  utf8(start: number, end: number): string {
    let value: string;
    try {
      value = UTF8.decode(this.bytes.subarray(start, end));
    } catch {
      throw GIVE_UP;
    }
    // A byte order mark is read differently by cbor-x's short and long string paths.
    if (value.includes('\ufeff')) throw GIVE_UP;
    return value;
  }

  /** A JSON value: text-keyed maps become objects; `budget` is the nesting left, as toJsonData counts it. */
  json(budget: number): unknown {
    if (budget < 0) throw GIVE_UP;
    this.next();
    const { major, arg } = this;
    if (major === 0) return arg;
    if (major === 1) return -1 - arg;
    if (major === 3) return this.text(arg);
    if (major === 4) {
      const out: unknown[] = [];
      for (let i = 0; i < arg; i++) out.push(this.json(budget - 1));
      return out;
    }
    if (major === 5) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < arg; i++) {
        this.next();
        if (this.major !== 3) throw GIVE_UP;
        const name = this.text(this.arg);
        if (name === '__proto__') throw GIVE_UP;
        out[name] = this.json(budget - 1);
      }
      return out;
    }
    if (major === 7 && arg === 20) return false;
    if (major === 7 && arg === 21) return true;
    if (major === 7 && arg === 22) return null;
    throw GIVE_UP;
  }

  /** An integer or text map key. */
  key(): number | string {
    this.next();
    if (this.major === 0) return this.arg;
    if (this.major === 1) return -1 - this.arg;
    if (this.major === 3) return this.text(this.arg);
    throw GIVE_UP;
  }

  /** Reads past one item of the plain subset (byte strings included: claims the DCC ignores may hold them). */
  skip(depth: number): void {
    if (depth > MAX_SKIP_DEPTH) throw GIVE_UP;
    this.next();
    const { major, arg } = this;
    if (major === 0 || major === 1) return;
    if (major === 2) {
      if (this.pos + arg > this.bytes.length) throw GIVE_UP;
      this.pos += arg;
    } else if (major === 3) this.text(arg);
    else if (major === 4) for (let i = 0; i < arg; i++) this.skip(depth + 1);
    else if (major === 5)
      for (let i = 0; i < arg; i++) {
        this.key();
        this.skip(depth + 1);
      }
    else if (major !== 7 || arg < 20 || arg > 22) throw GIVE_UP;
  }

  /** The head of a map, or give up. */
  map(): number {
    this.next();
    if (this.major !== 5) throw GIVE_UP;
    return this.arg;
  }
}

/** The hcert claim (-260): a map whose key 1 holds the EU DCC payload; other entries are skipped. */
function readHcert(reader: Reader): Record<string, unknown> | undefined {
  let payload: Record<string, unknown> | undefined;
  for (let i = reader.map(); i > 0; i--) {
    if (reader.key() !== 1) {
      reader.skip(1);
      continue;
    }
    const value = reader.json(DCC_LIMITS.maxPayloadDepth);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw GIVE_UP;
    payload = value as Record<string, unknown>;
  }
  return payload;
}

function readClaims(reader: Reader): DccClaims {
  let iss: string | undefined;
  let iat: number | undefined;
  let exp: number | undefined;
  let hcert: Record<string, unknown> | undefined;
  for (let i = reader.map(); i > 0; i--) {
    const key = reader.key();
    if (key === -260) {
      hcert = readHcert(reader);
      continue;
    }
    if (key !== 1 && key !== 4 && key !== 6) {
      reader.skip(1);
      continue;
    }
    const value = reader.json(0);
    if (key === 1) {
      if (typeof value !== 'string') throw GIVE_UP;
      iss = value;
    } else if (!isNumericDate(value)) throw GIVE_UP;
    else if (key === 4) exp = value;
    else iat = value;
  }
  if (reader.pos !== reader.bytes.length || exp === undefined || hcert === undefined) throw GIVE_UP;
  // The members in parseDccClaims' order, by assignment (spreads copy).
  const claims = {} as DccClaims;
  if (iss !== undefined) claims.iss = iss;
  if (iat !== undefined) claims.iat = iat;
  claims.exp = exp;
  claims.hcert = hcert;
  return claims;
}

/**
 * The claims of a DCC's CWT when the payload is plain CBOR, exactly as `parseDccClaims` would answer
 * them; undefined means "let parseDccClaims decide" (an error, or a form this reader leaves to it).
 */
export function readDccClaimsFast(payload: Uint8Array): DccClaims | undefined {
  try {
    return readClaims(new Reader(payload));
  } catch (error) {
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}
