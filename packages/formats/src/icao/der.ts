import { CredentialError } from '@passage/credentials/pure';

/** One DER element: its tag, and where its contents start and end in the buffer. */
export interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/**
 * Reads the DER element at `offset` (definite lengths of up to four bytes; DER has no other kind).
 * Used for the two small structures the certificate library leaves as raw bytes: the ICAO document
 * type list and RSASSA-PSS parameters. Throws DECODING_FAILED when the element overruns `limit`.
 */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined || offset + 2 > limit) throw malformed();
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) throw malformed();
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buf[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (end > limit) throw malformed();
  return { tag, start, end };
}

/** The elements inside a constructed element (SEQUENCE, SET, context tag). */
export function childrenOf(buf: Uint8Array, parent: Tlv): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(buf, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** The dotted form of a DER OBJECT IDENTIFIER's contents. */
export function oidOf(buf: Uint8Array, tlv: Tlv): string {
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i++) {
    const byte = buf[i] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

function malformed(): CredentialError {
  return new CredentialError('DECODING_FAILED', 'a DER structure is malformed');
}
