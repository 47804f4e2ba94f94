// shcClaimsSchema (./claims.ts) as plain code, for the verifier's hot path. zod stays the definition:
// claims-compiled.test.ts checks, on mutated claims, that this answers true exactly when zod accepts
// the claims and answers them unchanged.
import { HEALTH_CARD_TYPE, type ShcClaims } from './claims.js';

type Fields = Record<string, unknown>;

/** A plain JSON object none of whose members is `undefined` (zod's handling of those is left to zod). */
function isPlain(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if ((value as Fields)[key] === undefined) return false;
  return true;
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max;
const RID = /^[A-Za-z0-9_-]+$/;

function isEntry(value: unknown): boolean {
  if (!isPlain(value)) return false;
  const { fullUrl, resource } = value;
  return (
    (fullUrl === undefined || isText(fullUrl, 200)) && isPlain(resource) && isText(resource.resourceType, 100)
  );
}

function isTypes(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > 20) return false;
  for (const type of value) if (!isText(type, 500)) return false;
  return value.includes(HEALTH_CARD_TYPE);
}

function isSubject(value: unknown): boolean {
  if (!isPlain(value) || !isText(value.fhirVersion, 20)) return false;
  const bundle = value.fhirBundle;
  if (!isPlain(bundle) || bundle.resourceType !== 'Bundle') return false;
  const { entry } = bundle;
  if (!Array.isArray(entry) || entry.length > 1000) return false;
  for (const item of entry) if (!isEntry(item)) return false;
  return true;
}

/**
 * True when `shcClaimsSchema` accepts `value` and answers it unchanged, so the value can be used as
 * parsed. False means "let zod decide", never "invalid".
 */
export function isShcClaimsAsIs(value: unknown): value is ShcClaims {
  if (!isPlain(value)) return false;
  const { iss, nbf, exp, jti, vc } = value;
  if (!isText(iss, 500) || iss.length === 0) return false;
  if (typeof nbf !== 'number' || !Number.isFinite(nbf)) return false;
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) return false;
  if (jti !== undefined && !isText(jti, 200)) return false;
  if (!isPlain(vc) || !isTypes(vc.type) || !isSubject(vc.credentialSubject)) return false;
  return vc.rid === undefined || (isText(vc.rid, 24) && RID.test(vc.rid));
}
