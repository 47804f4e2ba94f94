// Distinguished names as node's X509Certificate handles them, for the browser verifiers: the
// entries OpenSSL accepts when it decodes a certificate, the multi-line text of `subject` and
// `issuer` (X509_NAME_print_ex with node's flags), and the canonical form issuer matching compares.
import { childrenOf, oidOf, type Tlv } from '@passage/formats/pure';

/** One attribute of a name, as OpenSSL keeps it. */
export interface NameEntry {
  /** Index of its RDN (entries of one multi-valued RDN share it). */
  set: number;
  oid: string;
  /** The universal tag of its value. */
  tag: number;
  /** The value's contents (for a SEQUENCE, its whole encoding). */
  value: Uint8Array;
}

// OpenSSL's short names of the attributes it knows (others print as dotted OIDs).
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.14': 'searchGuide',
  '2.5.4.15': 'businessCategory',
  '2.5.4.16': 'postalAddress',
  '2.5.4.17': 'postalCode',
  '2.5.4.18': 'postOfficeBox',
  '2.5.4.19': 'physicalDeliveryOfficeName',
  '2.5.4.20': 'telephoneNumber',
  '2.5.4.21': 'telexNumber',
  '2.5.4.22': 'teletexTerminalIdentifier',
  '2.5.4.23': 'facsimileTelephoneNumber',
  '2.5.4.24': 'x121Address',
  '2.5.4.25': 'internationaliSDNNumber',
  '2.5.4.26': 'registeredAddress',
  '2.5.4.27': 'destinationIndicator',
  '2.5.4.28': 'preferredDeliveryMethod',
  '2.5.4.29': 'presentationAddress',
  '2.5.4.30': 'supportedApplicationContext',
  '2.5.4.31': 'member',
  '2.5.4.32': 'owner',
  '2.5.4.33': 'roleOccupant',
  '2.5.4.34': 'seeAlso',
  '2.5.4.35': 'userPassword',
  '2.5.4.36': 'userCertificate',
  '2.5.4.37': 'cACertificate',
  '2.5.4.38': 'authorityRevocationList',
  '2.5.4.39': 'certificateRevocationList',
  '2.5.4.40': 'crossCertificatePair',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.45': 'x500UniqueIdentifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.47': 'enhancedSearchGuide',
  '2.5.4.48': 'protocolInformation',
  '2.5.4.49': 'distinguishedName',
  '2.5.4.50': 'uniqueMember',
  '2.5.4.51': 'houseIdentifier',
  '2.5.4.52': 'supportedAlgorithms',
  '2.5.4.53': 'deltaRevocationList',
  '2.5.4.54': 'dmdName',
  '2.5.4.65': 'pseudonym',
  '2.5.4.72': 'role',
  '2.5.4.97': 'organizationIdentifier',
  '2.5.4.98': 'c3',
  '2.5.4.99': 'n3',
  '2.5.4.100': 'dnsName',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.2.840.113549.1.9.8': 'unstructuredAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.3': 'mail',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
  '2.5.29.14': 'subjectKeyIdentifier',
};

const UTF8_STRING = 0x0c;
const SEQUENCE = 0x30;
const UNIVERSAL_STRING = 0x1c;
const BMP_STRING = 0x1e;
// Universal tags OpenSSL takes as a name's value (B_ASN1_PRINTABLE); SEQUENCE is the constructed 0x30.
const VALUE_TAGS = new Set([7, 8, 9, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29, 30]);
// Types OpenSSL converts to UTF-8 to canonicalize, refusing the name when that fails.
const CANON_TAGS = new Set([0x0c, 0x1e, 0x1c, 0x13, 0x14, 0x16, 0x1a]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A refusal of the certificate, as OpenSSL's decoder refuses it. */
export class NameRefused extends Error {}

/** An OBJECT IDENTIFIER's contents OpenSSL accepts: last octet ends a arc, no arc starts with 0x80. */
export function isValidOid(buf: Uint8Array, tlv: Tlv): boolean {
  if (tlv.end <= tlv.start || ((buf[tlv.end - 1] ?? 0) & 0x80) !== 0) return false;
  for (let i = tlv.start; i < tlv.end; i++)
    if (buf[i] === 0x80 && (i === tlv.start || ((buf[i - 1] ?? 0) & 0x80) === 0)) return false;
  return true;
}

/** The code points of a value, by its type's width (1: Latin-1, 2: BMP, 4: universal). */
function codePoints(tag: number, value: Uint8Array): number[] | undefined {
  const width = tag === BMP_STRING ? 2 : tag === UNIVERSAL_STRING ? 4 : 1;
  if (value.length % width !== 0) return undefined;
  const points: number[] = [];
  for (let i = 0; i < value.length; i += width) {
    let c = 0;
    for (let j = 0; j < width; j++) c = c * 256 + (value[i + j] ?? 0);
    points.push(c);
  }
  return points;
}

const isUnicode = (c: number) => c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);

/** The value as UTF-8 text, as ASN1_STRING_to_UTF8 makes it; undefined where OpenSSL fails. */
function toUtf8Text(tag: number, value: Uint8Array): string | undefined {
  if (tag === UTF8_STRING) {
    try {
      return strictUtf8.decode(value);
    } catch {
      return undefined;
    }
  }
  const points = codePoints(tag, value);
  if (!points?.every(isUnicode)) return undefined;
  return String.fromCodePoint(...points);
}

/**
 * The entries of the Name at `name` in `buf`. Throws {@link NameRefused} where OpenSSL's decoder
 * refuses the name (a value of a type it does not take, a string it cannot convert to UTF-8, an
 * invalid OBJECT IDENTIFIER).
 */
export function nameEntries(buf: Uint8Array, name: Tlv): NameEntry[] {
  const entries: NameEntry[] = [];
  childrenOf(buf, name).forEach((rdn, set) => {
    if (rdn.tag !== 0x31) throw new NameRefused('an RDN is not a SET');
    for (const attribute of childrenOf(buf, rdn)) {
      const [type, value, ...rest] = childrenOf(buf, attribute);
      if (attribute.tag !== SEQUENCE || !type || !value || rest.length > 0 || type.tag !== 0x06)
        throw new NameRefused('an attribute is malformed');
      if (!isValidOid(buf, type)) throw new NameRefused('an attribute type is not a valid OID');
      if (value.tag !== SEQUENCE && !VALUE_TAGS.has(value.tag))
        throw new NameRefused('a value type is refused');
      // The value's header starts where the type ends; OpenSSL keeps a SEQUENCE value whole.
      const bytes = buf.subarray(value.tag === SEQUENCE ? type.end : value.start, value.end);
      if (CANON_TAGS.has(value.tag) && toUtf8Text(value.tag, bytes) === undefined)
        throw new NameRefused('a string value does not convert to UTF-8');
      entries.push({ set, oid: oidOf(buf, type), tag: value.tag, value: bytes });
    }
  });
  return entries;
}

// OpenSSL's char_type flags for ASCII: 1 RFC 2253 escape, 2 control, 0x20 escape first, 0x40 escape last.
function charFlags(c: number): number {
  if (c < 0x20 || c === 0x7f) return 2;
  if (c === 0x20) return 0x60;
  if (c === 0x23) return 0x20;
  return ',+"\\<>;'.includes(String.fromCharCode(c)) ? 1 : 0;
}

const HEX = '0123456789ABCDEF';

/** Appends byte `c` as do_esc_char writes it with node's flags (RFC 2253 and control escapes). */
function escapeByte(out: number[], c: number, position: 'first' | 'last' | 'middle'): void {
  if (c > 0x7f) {
    out.push(c);
    return;
  }
  const extra = position === 'first' ? 0x20 : position === 'last' ? 0x40 : 0;
  const flags = charFlags(c) & (1 | 2 | extra);
  if (flags & (1 | 0x20 | 0x40)) out.push(0x5c, c);
  else if (flags & 2) out.push(0x5c, HEX.charCodeAt(c >> 4), HEX.charCodeAt(c & 15));
  else out.push(c);
}

function utf8Bytes(c: number): number[] {
  return [...new TextEncoder().encode(String.fromCodePoint(c))];
}

/** Appends a value as do_buf prints it (UTF-8 strings byte by byte, other types converted to UTF-8). */
function printValue(out: number[], entry: NameEntry): void {
  const points = entry.tag === UTF8_STRING ? [...entry.value] : (codePoints(entry.tag, entry.value) ?? []);
  points.forEach((c, i) => {
    // OpenSSL marks the first character, then overrides the mark with "last" on the last one.
    const position = i === points.length - 1 ? 'last' : i === 0 ? 'first' : 'middle';
    if (entry.tag === UTF8_STRING) escapeByte(out, c, position);
    else for (const byte of utf8Bytes(c)) escapeByte(out, byte, position);
  });
}

/**
 * Node's `subject` or `issuer` text of a name: one `SN=value` line per RDN, ` + ` between the values
 * of a multi-valued RDN. Undefined for an empty name (node has none either).
 */
export function nameText(entries: readonly NameEntry[]): string | undefined {
  if (entries.length === 0) return undefined;
  const out: number[] = [];
  entries.forEach((entry, i) => {
    if (i > 0) out.push(...(entries[i - 1]?.set === entry.set ? [0x20, 0x2b, 0x20] : [0x0a]));
    for (const char of `${SHORT_NAMES[entry.oid] ?? entry.oid}=`) out.push(char.charCodeAt(0));
    printValue(out, entry);
  });
  return lenientUtf8.decode(Uint8Array.from(out));
}

const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** asn1_string_canon: UTF-8, outer white space dropped, inner runs collapsed, ASCII lower-cased. */
function canonicalValue(entry: NameEntry): string {
  if (!CANON_TAGS.has(entry.tag)) return `${entry.tag}:${Array.from(entry.value).join(',')}`;
  const bytes = [...new TextEncoder().encode(toUtf8Text(entry.tag, entry.value) ?? '')];
  let from = 0;
  let to = bytes.length;
  while (from < to && isSpace(bytes[from] ?? 0)) from++;
  while (to > from && isSpace(bytes[to - 1] ?? 0)) to--;
  const out: number[] = [];
  for (let i = from; i < to; ) {
    const c = bytes[i] ?? 0;
    if (c > 0x7f) {
      out.push(c);
      i++;
    } else if (isSpace(c)) {
      out.push(0x20);
      while (i < to && isSpace(bytes[i] ?? 0)) i++;
    } else {
      out.push(c >= 0x41 && c <= 0x5a ? c + 32 : c);
      i++;
    }
  }
  return `utf8:${out.join(',')}`;
}

/**
 * The canonical form OpenSSL's X509_NAME_cmp compares (x509_name_canon): RDNs in order, the values of
 * each as a set, strings case- and space-folded. Two names match when their keys are equal.
 */
export function canonicalNameKey(entries: readonly NameEntry[]): string {
  const rdns = new Map<number, string[]>();
  for (const entry of entries) {
    const values = rdns.get(entry.set) ?? [];
    values.push(`${entry.oid}=${canonicalValue(entry)}`);
    rdns.set(entry.set, values);
  }
  return JSON.stringify([...rdns.values()].map((values) => values.sort()));
}
