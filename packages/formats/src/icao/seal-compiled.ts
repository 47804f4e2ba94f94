// icaoSealSchema (./seal.ts) and the message schemas (./record.ts) as plain code, for the verifier's
// hot path. zod stays the definition: seal-compiled.test.ts checks, on mutated seals, that each check
// answers true exactly when zod accepts the value and answers a deep-equal copy of it, so the value can
// be used as parsed. False means "let zod decide", never "invalid".
import type { IcaoSeal } from './seal.js';

type Fields = Record<string, unknown>;

/**
 * A plain object with no `undefined` member and no own `__proto__` member (zod copies objects, and
 * would turn that member into a prototype): both are left to zod.
 */
function isPlain(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (key === '__proto__' || (value as Fields)[key] === undefined) return false;
  return true;
}

const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isOptionalText = (value: unknown, max: number): boolean => value === undefined || isText(value, 1, max);
const isInt = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const STATE = /^[A-Z<]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): boolean => typeof value === 'string' && DATE.test(value);

/** True when `icaoSealSchema` accepts `value` and answers a deep-equal copy of it. */
export function isIcaoSealAsIs(value: unknown): value is IcaoSeal {
  if (!isPlain(value)) return false;
  // z.object drops unknown members: a seal with more than data and sig is left to zod.
  for (const key in value) if (key !== 'data' && key !== 'sig') return false;
  const { data, sig } = value;
  if (!isPlain(data) || !isPlain(sig)) return false;
  const { hdr, msg } = data;
  if (!isPlain(hdr) || !isPlain(msg)) return false;
  if (!isText(hdr.t, 1, 50) || !isInt(hdr.v, 1, 1000)) return false;
  if (typeof hdr.is !== 'string' || !STATE.test(hdr.is)) return false;
  const { alg, cer, sigvl } = sig;
  return (
    isText(alg, 0, 20) &&
    isText(cer, 0, 16 * 1024) &&
    B64URL.test(cer) &&
    isText(sigvl, 0, 1024) &&
    B64URL.test(sigvl)
  );
}

function isPid(pid: unknown): pid is Fields {
  if (!isPlain(pid) || !isText(pid.n, 1, 200)) return false;
  if (pid.dob !== undefined && !isDate(pid.dob)) return false;
  if (pid.sex !== undefined && !isText(pid.sex, 0, 1)) return false;
  return (
    isOptionalText(pid.i, 50) &&
    isOptionalText(pid.ai, 50) &&
    isOptionalText(pid.dt, 2) &&
    isOptionalText(pid.dn, 50)
  );
}

function isDose(dose: unknown): boolean {
  return (
    isPlain(dose) &&
    isDate(dose.dvc) &&
    isInt(dose.seq, 1, 99) &&
    typeof dose.ctr === 'string' &&
    STATE.test(dose.ctr) &&
    isText(dose.adm, 1, 200) &&
    isText(dose.lot, 1, 100) &&
    (dose.dvn === undefined || isDate(dose.dvn))
  );
}

function isEvent(event: unknown): boolean {
  if (!isPlain(event) || !isText(event.des, 1, 20) || !isText(event.nam, 1, 200)) return false;
  if (!isOptionalText(event.dis, 20)) return false;
  const { vd } = event;
  if (!Array.isArray(vd) || vd.length < 1 || vd.length > 20) return false;
  for (const dose of vd) if (!isDose(dose)) return false;
  return true;
}

/** True when `icaoVaccinationMessageSchema` accepts `msg` and answers a deep-equal copy of it. */
export function isVaccinationMessageAsIs(msg: unknown): boolean {
  if (!isPlain(msg) || !isPid(msg.pid) || !isText(msg.uvci, 1, 100)) return false;
  if (msg.pid.i === undefined && msg.pid.dob === undefined) return false;
  const { ve } = msg;
  if (!Array.isArray(ve) || ve.length < 1 || ve.length > 20) return false;
  for (const event of ve) if (!isEvent(event)) return false;
  return true;
}

/** True when `icaoTestMessageSchema` accepts `msg` and answers a deep-equal copy of it. */
export function isTestMessageAsIs(msg: unknown): boolean {
  return isPlain(msg) && isPid(msg.pid) && isText(msg.utci, 1, 100);
}
