// The floors: the least any issuer or verifier of a Passage QR must do with Node's own primitives,
// without a single check of Passage's. They show how much of a ratio target is left for everything
// else (trust, status, schema, rules, the report) once the unavoidable steps are paid.
import { sign, verify } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DICTIONARY_V2, decodeBase45, encodeBase45, qrDeflateOptions } from '@passage/credentials/pure';
import type { BenchAuthority } from './authority.js';
import { cycle, expectOk, type RatedCase } from './case.js';

const PREFIX = 'PV1:';

/** One QR's parts, as the floor cases start from them. */
function partsOf(qr: string) {
  const bytes = decodeBase45(qr.slice(PREFIX.length));
  const sigLength = bytes[1] ?? 0; // one varint byte: 64 for ES256 and Ed25519
  const inner = inflateRawSync(bytes.subarray(2 + sigLength), { dictionary: DICTIONARY_V2 });
  const headerLength = inner[0] ?? 0; // one varint byte: the header is < 128 bytes
  return {
    header: JSON.parse(inner.subarray(1, 1 + headerLength).toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(inner.subarray(1 + headerLength).toString('utf8')) as Record<string, unknown>,
  };
}

/**
 * `floor.verify`: base45, inflate with the preset dictionary, JSON.parse of header and payload, the
 * signing input rebuilt in base64url, node:crypto verify. `floor.issue`: JSON of header and payload,
 * base64url signing input, node:crypto sign, deflate (level 9, the dictionary, the container's window), base45. Each is
 * rated against raw node:crypto; the verify target (0.7×) and issue target (0.5×) are judged against
 * what is left above these floors.
 */
export function floorCases(a: BenchAuthority, qrs: readonly string[]): RatedCase[] {
  const es = a.alg === 'ES256';
  const signWith = (data: Buffer) =>
    es
      ? sign('sha256', data, { key: a.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign(null, data, a.privateKey);
  const verifyWith = (data: Buffer, signature: Uint8Array) =>
    es
      ? verify('sha256', data, { key: a.publicKey, dsaEncoding: 'ieee-p1363' }, signature)
      : verify(null, data, a.publicKey, signature);
  const floorVerify = (qr: string) => {
    const bytes = decodeBase45(qr.slice(PREFIX.length));
    const sigLength = bytes[1] ?? 0;
    const signature = bytes.subarray(2, 2 + sigLength);
    const inner = inflateRawSync(bytes.subarray(2 + sigLength), { dictionary: DICTIONARY_V2 });
    const headerLength = inner[0] ?? 0;
    const header = inner.subarray(1, 1 + headerLength);
    const payload = inner.subarray(1 + headerLength);
    JSON.parse(header.toString('utf8'));
    JSON.parse(payload.toString('utf8'));
    const input = `${header.toString('base64url')}.${payload.toString('base64url')}`;
    return verifyWith(Buffer.from(input, 'ascii'), signature);
  };
  const floorIssue = ({ header, payload }: ReturnType<typeof partsOf>) => {
    const h = Buffer.from(JSON.stringify(header), 'utf8');
    const p = Buffer.from(JSON.stringify(payload), 'utf8');
    const signature = signWith(Buffer.from(`${h.toString('base64url')}.${p.toString('base64url')}`, 'ascii'));
    const inner = Buffer.concat([Uint8Array.of(h.length), h, p]);
    // As the container deflates: the bytes of zlib's largest window, from the smallest that finds them.
    const compressed = deflateRawSync(inner, qrDeflateOptions(DICTIONARY_V2, inner.length));
    const container = Buffer.concat([Uint8Array.of(2, signature.length), signature, compressed]);
    return `${PREFIX}${encodeBase45(container)}`;
  };
  expectOk(qrs.every(floorVerify), `the ${a.alg} floor does not verify a Passage QR`);
  const toVerify = cycle(qrs);
  const toIssue = cycle(qrs.map(partsOf));
  return [
    {
      key: `floor.verify.${a.alg}`,
      label: `floor: verify ${a.alg} (base45, inflate, JSON, signature; no checks)`,
      op: () => floorVerify(toVerify()),
      baseline: `node.verify.${a.alg}`,
    },
    {
      key: `floor.issue.${a.alg}`,
      label: `floor: issue ${a.alg} (JSON, signature, deflate, base45; no checks)`,
      op: () => floorIssue(toIssue()),
      baseline: `node.sign.${a.alg}`,
    },
  ];
}
