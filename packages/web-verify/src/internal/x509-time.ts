// A certificate's validity times as node's X509Certificate reads them: OpenSSL prints each time
// ("Sep 14 00:00:00 2021 GMT", or "Bad time value" when its strict check refuses it) and node's
// callers parse that text with Date. Both steps are followed here, on the raw UTCTime or
// GeneralizedTime, so that a browser verifier and the Node one agree on every certificate.
import type { Tlv } from '@passage/formats/pure';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Field bounds in OpenSSL's order: century, year, month, day, hour, minute, second, offset h, offset m.
const MIN = [0, 0, 1, 1, 0, 0, 0, 0, 0];
const MAX = [99, 99, 12, 31, 23, 59, 59, 12, 59];
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;

const isDigit = (code: number | undefined): code is number =>
  code !== undefined && code >= 0x30 && code <= 0x39;
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pad2 = (n: number) => String(n).padStart(2, '0');

interface Tm {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** OpenSSL's ossl_asn1_time_to_tm (non-strict, as for times read from a certificate); undefined on refusal. */
function timeToTm(tag: number, a: Uint8Array): Tm | undefined {
  const generalized = tag === GENERALIZED_TIME;
  const end = generalized ? 7 : 6;
  const btz = generalized ? 6 : 5;
  const l = a.length;
  if (l < (generalized ? 13 : 11)) return undefined;
  const tm: Tm = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let o = 0;
  for (let i = 0; i < end; i++) {
    if (i === btz && (a[o] === 0x5a || a[o] === 0x2b || a[o] === 0x2d)) break;
    const d1 = a[o];
    if (!isDigit(d1) || ++o === l) return undefined;
    const d2 = a[o];
    if (!isDigit(d2) || ++o === l) return undefined;
    const n = (d1 - 0x30) * 10 + (d2 - 0x30);
    const i2 = generalized ? i : i + 1;
    if (n < (MIN[i2] ?? 0) || n > (MAX[i2] ?? 0)) return undefined;
    if (i2 === 0) tm.year = n * 100;
    else if (i2 === 1) tm.year = generalized ? tm.year + n : n < 50 ? 2000 + n : 1900 + n;
    else if (i2 === 2) tm.month = n - 1;
    else if (i2 === 3) {
      const days = tm.month === 1 ? 28 + (isLeap(tm.year) ? 1 : 0) : (MONTH_DAYS[tm.month] ?? 0);
      if (n > days) return undefined;
      tm.day = n;
    } else if (i2 === 4) tm.hour = n;
    else if (i2 === 5) tm.minute = n;
    else tm.second = n;
  }
  if (generalized && a[o] === 0x2e) {
    if (++o === l) return undefined;
    const start = o;
    while (o < l && isDigit(a[o])) o++;
    if (o === start || o === l) return undefined;
  }
  if (a[o] === 0x5a) o++;
  else if (a[o] === 0x2b || a[o] === 0x2d) {
    const sign = a[o] === 0x2d ? 1 : -1;
    o++;
    if (o + 4 !== l) return undefined;
    let offset = 0;
    for (let i = end; i < end + 2; i++) {
      const d1 = a[o];
      const d2 = a[o + 1];
      if (!isDigit(d1) || !isDigit(d2)) return undefined;
      const n = (d1 - 0x30) * 10 + (d2 - 0x30);
      const bound = i === end ? 7 : 8;
      if (n < (MIN[bound] ?? 0) || n > (MAX[bound] ?? 0)) return undefined;
      offset += n * (i === end ? 3600 : 60);
      o += 2;
    }
    if (offset !== 0) return adjusted(tm, offset * sign);
  } else return undefined;
  return o === l ? tm : undefined;
}

/** OPENSSL_gmtime_adj: the time moved by `seconds`, refused outside years 0–9999. */
function adjusted(tm: Tm, seconds: number): Tm | undefined {
  const date = new Date(0);
  date.setUTCFullYear(tm.year, tm.month, tm.day);
  date.setUTCHours(tm.hour, tm.minute, tm.second + seconds);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  return {
    year,
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** OpenSSL's ASN1_TIME_print of a certificate time, or undefined where it prints "Bad time value". */
function printTime(tag: number, a: Uint8Array): string | undefined {
  if (tag !== UTC_TIME && tag !== GENERALIZED_TIME) return undefined;
  const tm = timeToTm(tag, a);
  if (!tm) return undefined;
  const gmt = a[a.length - 1] === 0x5a ? ' GMT' : '';
  let fraction = '';
  if (tag === GENERALIZED_TIME && a.length > 15 && a[14] === 0x2e) {
    let f = 1;
    while (14 + f < a.length && isDigit(a[14 + f])) f++;
    fraction = String.fromCharCode(...a.subarray(14, 14 + f));
  }
  const day = String(tm.day).padStart(2, ' ');
  const clock = `${pad2(tm.hour)}:${pad2(tm.minute)}:${pad2(tm.second)}`;
  return `${MONTHS[tm.month]} ${day} ${clock}${fraction} ${tm.year}${gmt}`;
}

/**
 * The instant node's X509Certificate gives for the time element `tlv` of `buf`
 * (`new Date(certificate.validFrom).getTime()`): NaN where OpenSSL refuses the time.
 */
export function certificateTime(buf: Uint8Array, tlv: Tlv): number {
  const text = printTime(tlv.tag, buf.subarray(tlv.start, tlv.end));
  return text === undefined ? Number.NaN : new Date(text).getTime();
}
