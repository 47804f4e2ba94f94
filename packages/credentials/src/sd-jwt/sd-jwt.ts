import { randomBytes } from 'node:crypto';
import { CredentialError } from '../errors.js';
import { type DecodedSecured, decodeCompactJws } from '../jws/compact.js';
import { withinJsonDepth } from '../jws/json-depth.js';
import { sdDigest as digestOf } from './digest.js';

// SD-JWT (RFC 9901) as VC-JOSE-COSE §3.2 secures a credential with it (`application/vc+sd-jwt`): an
// issuer-signed JWT whose payload is the credential with some members replaced by digests, then the
// disclosures that reveal them, `~`-separated, and optionally a key binding JWT of the holder.

export const VC_SD_JWT_MEDIA_TYPE = 'application/vc+sd-jwt';
/** The most disclosures read: far more than any credential discloses, few enough to bound the work. */
const MAX_DISCLOSURES = 256;
const ELLIPSIS = '...';

function decodingFailed(message: string): CredentialError {
  return new CredentialError('DECODING_FAILED', message);
}

/** True when `text` has the shape of an SD-JWT: a compact JWS, then `~`-separated parts, ending in `~` or a JWT. */
export function looksLikeSdJwt(text: string): boolean {
  const tilde = text.indexOf('~');
  return tilde > 0 && text.slice(0, tilde).split('.').length === 3 && /^[A-Za-z0-9_.~-]+$/.test(text);
}

interface Disclosure {
  name?: string;
  value: unknown;
  used: boolean;
}

function readDisclosures(parts: readonly string[]): Map<string, Disclosure> {
  if (parts.length > MAX_DISCLOSURES) throw decodingFailed('the SD-JWT has too many disclosures');
  const byDigest = new Map<string, Disclosure>();
  for (const part of parts) {
    if (!/^[A-Za-z0-9_-]+$/.test(part)) throw decodingFailed('an SD-JWT disclosure is not base64url');
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    } catch {
      throw decodingFailed('an SD-JWT disclosure is not JSON');
    }
    if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3) || typeof value[0] !== 'string') {
      throw decodingFailed('an SD-JWT disclosure is not [salt, name, value] or [salt, value]');
    }
    if (value.length === 3 && (typeof value[1] !== 'string' || value[1] === '_sd' || value[1] === ELLIPSIS)) {
      throw decodingFailed('an SD-JWT disclosure names a member it may not');
    }
    const digest = digestOf(part);
    if (byDigest.has(digest)) throw decodingFailed('an SD-JWT disclosure is repeated');
    byDigest.set(
      digest,
      value.length === 3
        ? { name: value[1], value: value[2], used: false }
        : { value: value[1], used: false },
    );
  }
  return byDigest;
}

/** RFC 9901 §7.1 step 3: the payload with every disclosed member put back and every digest taken out. */
function reveal(
  value: unknown,
  disclosures: Map<string, Disclosure>,
  seen: Set<string>,
  depth: number,
): unknown {
  if (depth > 64) throw decodingFailed('the SD-JWT nests too deeply');
  const take = (digest: unknown): Disclosure | undefined => {
    if (typeof digest !== 'string') throw decodingFailed('an SD-JWT digest is not a string');
    if (seen.has(digest)) throw decodingFailed('an SD-JWT digest appears twice');
    seen.add(digest);
    const found = disclosures.get(digest);
    if (found) found.used = true;
    return found;
  };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const keys = typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.keys(item) : [];
      if (keys.length === 1 && keys[0] === ELLIPSIS) {
        const found = take((item as Record<string, unknown>)[ELLIPSIS]);
        if (found?.name !== undefined) throw decodingFailed('an array element is disclosed with a name');
        if (found) out.push(reveal(found.value, disclosures, seen, depth + 1));
      } else out.push(reveal(item, disclosures, seen, depth + 1));
    }
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(object)) {
    // JSON.parse keeps a `__proto__` member as data; set on `out` it would become its prototype.
    if (key === '__proto__') throw decodingFailed('the SD-JWT payload has a __proto__ member');
    if (key !== '_sd') out[key] = reveal(member, disclosures, seen, depth + 1);
  }
  if (object._sd !== undefined) {
    if (!Array.isArray(object._sd)) throw decodingFailed('_sd is not an array of digests');
    for (const digest of object._sd) {
      const found = take(digest);
      if (!found) continue; // a decoy, or a member the holder did not disclose
      if (found.name === undefined) throw decodingFailed('an object member is disclosed without a name');
      if (Object.hasOwn(out, found.name) || found.name === '__proto__') {
        throw decodingFailed('a disclosed member is already in the payload');
      }
      out[found.name] = reveal(found.value, disclosures, seen, depth + 1);
    }
  }
  return out;
}

/** What a holder's key binding is checked with, read from an SD-JWT as presented (RFC 9901 §4.3). */
export interface SdJwtBinding {
  /** The SD-JWT up to and including its last `~`: what the key binding JWT's `sd_hash` digests. */
  presented: string;
  /** The key binding JWT, when the holder appended one. */
  kbJwt?: string;
  /** The credential's `cnf` claim (RFC 7800) once disclosures are put back: the holder's key. */
  cnf?: unknown;
}

/**
 * Reads an SD-JWT securing a credential: the credential decoded as {@link decodeSdJwtCredential}
 * answers it, and what its key binding is checked with. Neither signature is checked here.
 */
export function readSdJwt(text: string): { decoded: DecodedSecured; binding: SdJwtBinding } {
  const parts = text.trim().split('~');
  const [issuerJwt = '', ...rest] = parts;
  const kbJwt = rest.pop() ?? '';
  const decoded = decodeCompactJws(issuerJwt);
  if (decoded.header.typ !== 'vc+sd-jwt') {
    throw new CredentialError('UNSUPPORTED_FORMAT', 'the SD-JWT is not typ vc+sd-jwt');
  }
  const { _sd_alg: sdAlg, ...payload } = decoded.payload;
  if (sdAlg !== undefined && sdAlg !== 'sha-256')
    throw decodingFailed('the SD-JWT digest algorithm is not sha-256');
  if (rest.includes('')) throw decodingFailed('an SD-JWT has an empty disclosure');
  const disclosures = readDisclosures(rest);
  const revealed = reveal(payload, disclosures, new Set(), 0) as Record<string, unknown>;
  for (const disclosure of disclosures.values()) {
    if (!disclosure.used) throw decodingFailed('an SD-JWT disclosure is not referenced by the credential');
  }
  if (!withinJsonDepth(revealed)) throw decodingFailed('the disclosed credential nests too deeply');
  const binding: SdJwtBinding = { presented: `${parts.slice(0, -1).join('~')}~` };
  if (kbJwt !== '') binding.kbJwt = kbJwt;
  if (revealed.cnf !== undefined) binding.cnf = revealed.cnf;
  return { decoded: { ...decoded, payload: revealed }, binding };
}

/**
 * Reads an SD-JWT securing a credential (`typ: vc+sd-jwt`) into the shape a JWS decodes to: its
 * issuer-signed JWT's header and signing input (what the issuer's signature covers), and as payload the
 * credential with the disclosed members put back (RFC 9901 §7.1). Like `decodeCompactJws` it checks
 * no signature: not the issuer's, and not a key binding JWT's, which `verifyCredential` checks against
 * the verifier's key binding policy (`checks.keyBinding`).
 *
 * @throws CredentialError `DECODING_FAILED` for malformed parts, repeated or unreferenced disclosures,
 *   a digest algorithm other than sha-256; `UNSUPPORTED_FORMAT` for another `typ`.
 */
export function decodeSdJwtCredential(text: string): DecodedSecured {
  return readSdJwt(text).decoded;
}

/** A disclosure path (`credentialSubject.address.street`, `credentialSubject.phoneNumbers[0]`) as steps. */
function stepsOf(path: string): Array<string | number> {
  const steps: Array<string | number> = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match || (match[1] === '' && match[2] === ''))
      throw new CredentialError('INVALID_ARGUMENT', `not a disclosure path: ${path}`);
    if (match[1]) steps.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/**
 * Secures a credential with SD-JWT as VC-JOSE-COSE §3.2 has it: the members at `disclose` (paths such
 * as `credentialSubject.address.street` or `credentialSubject.phoneNumbers[0]`) are replaced by digests
 * of salted disclosures, the rest signed as it is (`typ: vc+sd-jwt`, `_sd_alg: sha-256`), answered as
 * `<JWT>~<disclosure>~…~`. The holder may then leave out any disclosure it does not want to show.
 *
 * @throws CredentialError `INVALID_ARGUMENT` for a path that names nothing in the credential.
 */
export function encodeSdJwtCredential(
  credential: Record<string, unknown>,
  disclose: readonly string[],
  header: { alg: string; kid?: string },
  sign: (data: Uint8Array) => Uint8Array,
  salt: () => string = () => randomBytes(16).toString('base64url'),
): string {
  const payload = structuredClone(credential);
  const disclosures: string[] = [];
  // Deepest paths first, so a member disclosed inside another disclosed member is already a digest.
  const paths = [...disclose].map(stepsOf).sort((a, b) => b.length - a.length);
  for (const steps of paths) {
    const last = steps.at(-1);
    let parent: unknown = payload;
    for (const step of steps.slice(0, -1))
      parent = (parent as Record<string | number, unknown> | undefined)?.[step];
    if (typeof parent !== 'object' || parent === null || last === undefined || !Object.hasOwn(parent, last)) {
      throw new CredentialError('INVALID_ARGUMENT', `the disclosure path ${steps.join('.')} names nothing`);
    }
    const container = parent as Record<string | number, unknown>;
    if (typeof last === 'number') {
      if (!Array.isArray(parent))
        throw new CredentialError('INVALID_ARGUMENT', 'an index names no array element');
      const disclosure = Buffer.from(JSON.stringify([salt(), container[last]])).toString('base64url');
      disclosures.push(disclosure);
      container[last] = { [ELLIPSIS]: digestOf(disclosure) };
    } else {
      const disclosure = Buffer.from(JSON.stringify([salt(), last, container[last]])).toString('base64url');
      disclosures.push(disclosure);
      delete container[last];
      const digests = Array.isArray(container._sd) ? (container._sd as string[]) : [];
      container._sd = [...digests, digestOf(disclosure)].sort();
    }
  }
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${b64({ ...header, typ: 'vc+sd-jwt' })}.${b64({ ...payload, _sd_alg: 'sha-256' })}`;
  const signature = Buffer.from(sign(Buffer.from(input))).toString('base64url');
  return `${input}.${signature}~${disclosures.map((d) => `${d}~`).join('')}`;
}
