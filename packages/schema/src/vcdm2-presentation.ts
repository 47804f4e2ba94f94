import { VC_V2_CONTEXT_URL } from './context.js';
import { checkHead, Issues, isAbsoluteUrl, type ModelIssue } from './vcdm2.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The envelope types of VC Data Model 2.0 §4.13: a secured credential or presentation in a data: URL. */
export type EnvelopeType = 'EnvelopedVerifiableCredential' | 'EnvelopedVerifiablePresentation';

/** A `data:` URL (RFC 2397) as an envelope's `id` holds it: its media type, base64 flag and data. */
export interface DataUrl {
  mediaType: string;
  base64: boolean;
  data: string;
}

/** Reads a `data:` URL, or undefined for anything else (a missing comma, no media type). */
export function parseDataUrl(value: unknown): DataUrl | undefined {
  if (typeof value !== 'string' || !value.startsWith('data:')) return undefined;
  const comma = value.indexOf(',');
  if (comma < 0) return undefined;
  const [mediaType = '', ...parameters] = value.slice('data:'.length, comma).split(';');
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i.test(mediaType)) return undefined;
  return {
    mediaType: mediaType.toLowerCase(),
    base64: parameters.includes('base64'),
    data: value.slice(comma + 1),
  };
}

/**
 * The issues of an enveloped credential or presentation (VC Data Model 2.0 §4.13.1–2): `@context`
 * present and naming the base context, `id` a `data:` URL, `type` exactly the envelope's type.
 */
export function checkEnvelope(value: unknown, type: EnvelopeType, path = ''): ModelIssue[] {
  const issues = new Issues();
  const at = (member: string) => (path === '' ? member : `${path}.${member}`);
  if (!isObject(value)) return [{ path, message: `must be an ${type}` }];
  const context = value['@context'];
  const contexts = Array.isArray(context) ? context : [context];
  if (!contexts.includes(VC_V2_CONTEXT_URL)) issues.add(at('@context'), `must include ${VC_V2_CONTEXT_URL}`);
  const types = Array.isArray(value.type) ? value.type : [value.type];
  if (types.length !== 1 || types[0] !== type) issues.add(at('type'), `must be ${type}`);
  if (!parseDataUrl(value.id)) issues.add(at('id'), 'must be a data: URL');
  return issues.list;
}

/** `holder`: a URL, or an object whose `id` is one. */
function checkHolder(value: unknown, issues: Issues): void {
  if (value === undefined) return;
  if (isObject(value) ? !isAbsoluteUrl(value.id) : !isAbsoluteUrl(value)) {
    issues.add(isObject(value) ? 'holder.id' : 'holder', 'must be a URL or an object with an id');
  }
}

/**
 * Checks a presentation secured with an enveloping proof (a `vp+jwt` payload) against VC Data Model
 * 2.0 §4.13 and VC-JOSE-COSE: `@context`, `id`, `type` including `VerifiablePresentation`, `holder`,
 * and every `verifiableCredential` an `EnvelopedVerifiableCredential` (credentials in a presentation
 * secured this way must be secured themselves). Answers every issue found; empty when it conforms.
 */
export function checkPresentationModel(value: unknown): ModelIssue[] {
  const issues = new Issues();
  if (!isObject(value)) return [{ path: '', message: 'must be a JSON object' }];
  checkHead(value, 'VerifiablePresentation', issues);
  checkHolder(value.holder, issues);
  const credentials = value.verifiableCredential;
  if (credentials !== undefined) {
    const list = Array.isArray(credentials) ? credentials : [credentials];
    for (const [i, credential] of list.entries()) {
      const path = Array.isArray(credentials) ? `verifiableCredential.${i}` : 'verifiableCredential';
      for (const issue of checkEnvelope(credential, 'EnvelopedVerifiableCredential', path)) {
        issues.add(issue.path, issue.message);
      }
    }
  }
  return issues.list;
}
