import { BUNDLED_CONTEXTS, VC_V2_CONTEXT_URL } from './context.js';

/** One way a credential breaks the VC Data Model 2.0: where (a dotted path) and what, never the value. */
export interface ModelIssue {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// RFC 3986: a scheme, then characters a URI may hold (no white space, no <>"{}|\^` or controls).
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;
const CONTROL = /\p{Cc}/u;

// http(s) URLs also go through WHATWG URL parsing (hosts, ports). The same few (contexts, issuers,
// schemas) recur in every credential, so answers are kept, a bounded number of them.
const webUrls = new Map<string, boolean>();

function parsesAsWebUrl(value: string): boolean {
  let ok = webUrls.get(value);
  if (ok === undefined) {
    try {
      new URL(value);
      ok = true;
    } catch {
      ok = false;
    }
    if (webUrls.size >= 512) webUrls.clear();
    webUrls.set(value, ok);
  }
  return ok;
}

/** An absolute URL (RFC 3986 absolute URI), as identifiers and context URLs must be. */
export function isAbsoluteUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048 || !ABSOLUTE_URI.test(value) || CONTROL.test(value))
    return false;
  return !/^https?:/i.test(value) || parsesAsWebUrl(value);
}

// XML Schema dateTimeStamp: a date-time with a time zone (VC Data Model 2.0 §4.9).
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A `dateTimeStamp` that names a real instant. */
export function isDateTimeStamp(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** The terms the base context (and Passage's bundled ones) define, for type mapping without `@vocab`. */
const KNOWN_TYPES = new Set([
  'VerifiableCredential',
  'VerifiablePresentation',
  'EnvelopedVerifiableCredential',
  'EnvelopedVerifiablePresentation',
  'BitstringStatusListEntry',
  'BitstringStatusListCredential',
  'JsonSchema',
  'JsonSchemaCredential',
  'DataIntegrityProof',
  'VaccinationCertificate',
  'BusinessTravelCard',
]);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Collects issues with paths under one prefix (shared with the presentation checks). */
export class Issues {
  readonly list: ModelIssue[] = [];
  add(path: string, message: string): void {
    if (this.list.length < 50) this.list.push({ path, message });
  }
}

/** `@context`: an array whose first item is the VC 2.0 URL, then URLs and/or context objects. */
function checkContext(contexts: unknown, issues: Issues): Json[] | undefined {
  if (!Array.isArray(contexts) || contexts.length === 0) {
    issues.add('@context', 'must be an array');
    return undefined;
  }
  if (contexts[0] !== VC_V2_CONTEXT_URL) issues.add('@context.0', `must be ${VC_V2_CONTEXT_URL}`);
  const objects: Json[] = [];
  for (const [i, context] of contexts.entries()) {
    if (i === 0) continue;
    if (isObject(context)) objects.push(context);
    else if (!isAbsoluteUrl(context)) issues.add(`@context.${i}`, 'must be a URL or a context object');
  }
  return objects;
}

/** Whether every `type` term resolves to a URL under the contexts given (JSON-LD term definitions). */
function checkTypeTerms(
  types: readonly string[],
  contexts: unknown[],
  inline: Json[],
  path: string,
  issues: Issues,
) {
  // Without context objects nothing maps a term or switches `@vocab` off: the usual credential.
  if (inline.length === 0) return;
  const definitions = new Map<string, unknown>();
  for (const context of inline)
    for (const [term, value] of Object.entries(context)) definitions.set(term, value);
  // Terms a context object maps must map to a URL (or an object whose @id is one).
  for (const type of types) {
    if (!definitions.has(type)) continue;
    const value = definitions.get(type);
    const id = isObject(value) ? value['@id'] : value;
    if (!isAbsoluteUrl(id)) issues.add(path, 'maps a type to something that is not a URL');
  }
  // With `@vocab` switched off, a term no context defines does not map to a URL. Contexts fetched by
  // URL other than the bundled ones are unknown here, so only fully known context sets are judged.
  const vocabOff = inline.some((c) => c['@vocab'] === null);
  const allKnown = contexts.every(
    (c) => isObject(c) || c === VC_V2_CONTEXT_URL || (typeof c === 'string' && BUNDLED_CONTEXTS.has(c)),
  );
  if (vocabOff && allKnown) {
    for (const type of types) {
      if (!KNOWN_TYPES.has(type) && !definitions.has(type) && !isAbsoluteUrl(type)) {
        issues.add(path, 'names a type that no context maps to a URL');
      }
    }
  }
}

/** `type`: one or more strings (array for a credential). */
export function typesOf(
  value: unknown,
  path: string,
  issues: Issues,
  arrayOnly: boolean,
): string[] | undefined {
  const list = arrayOnly ? value : asList(value);
  if (!Array.isArray(list) || list.length === 0 || !list.every((t) => typeof t === 'string' && t !== '')) {
    issues.add(path, arrayOnly ? 'must be an array of strings' : 'must be a string or an array of strings');
    return undefined;
  }
  return list as string[];
}

/** An optional `id`: one URL. */
function checkId(value: unknown, path: string, issues: Issues): void {
  if (value !== undefined && !isAbsoluteUrl(value)) issues.add(path, 'must be one URL');
}

/** `name`/`description`: a string, a language value object, or an array of them. */
function checkText(value: unknown, path: string, issues: Issues): void {
  if (value === undefined) return;
  const ok = (item: unknown) =>
    typeof item === 'string' ||
    (isObject(item) &&
      typeof item['@value'] === 'string' &&
      (item['@language'] === undefined || typeof item['@language'] === 'string') &&
      (item['@direction'] === undefined || item['@direction'] === 'ltr' || item['@direction'] === 'rtl'));
  if (!asList(value).every(ok) || (Array.isArray(value) && value.length === 0)) {
    issues.add(path, 'must be a string or a language value object');
  }
}

/** A member that is one object or an array of objects, each with a `type` (and an `id` if required). */
function checkTypedObjects(value: unknown, path: string, issues: Issues, idRequired: boolean): void {
  if (value === undefined) return;
  const list = asList(value);
  if (list.length === 0) issues.add(path, 'must not be empty');
  for (const [i, item] of list.entries()) {
    const at = Array.isArray(value) ? `${path}.${i}` : path;
    if (!isObject(item)) {
      issues.add(at, 'must be an object');
      continue;
    }
    if (idRequired && item.id === undefined) issues.add(`${at}.id`, 'is required');
    checkId(item.id, `${at}.id`, issues);
    if (item.type === undefined) issues.add(`${at}.type`, 'is required');
    else typesOf(item.type, `${at}.type`, issues, false);
  }
}

/** `credentialSubject`: an object making at least one claim, or a non-empty array of such objects. */
function checkSubjects(value: unknown, issues: Issues): void {
  const list = asList(value);
  if (value === undefined || list.length === 0) {
    issues.add('credentialSubject', 'is required');
    return;
  }
  for (const [i, subject] of list.entries()) {
    const at = Array.isArray(value) ? `credentialSubject.${i}` : 'credentialSubject';
    if (!isObject(subject) || Object.keys(subject).length === 0) {
      issues.add(at, 'must be an object making at least one claim');
    } else {
      checkId(subject.id, `${at}.id`, issues);
    }
  }
}

/** `issuer`: a URL, or an object whose `id` is one (with optional `name` and `description`). */
function checkIssuer(value: unknown, issues: Issues): void {
  if (isObject(value)) {
    if (!isAbsoluteUrl(value.id)) issues.add('issuer.id', 'must be a URL');
    checkText(value.name, 'issuer.name', issues);
    checkText(value.description, 'issuer.description', issues);
  } else if (!isAbsoluteUrl(value)) {
    issues.add('issuer', 'must be a URL or an object with an id');
  }
}

/**
 * What credentials and presentations share (VC Data Model 2.0 §4.3–4.5): `@context`, an optional `id`,
 * and a `type` that includes `required` (an array for a credential, one string or an array for a
 * presentation), its terms mapped when `@vocab` is off.
 */
export function checkHead(
  value: Json,
  required: 'VerifiableCredential' | 'VerifiablePresentation',
  issues: Issues,
): void {
  const inline = checkContext(value['@context'], issues);
  checkId(value.id, 'id', issues);
  if (value.type === undefined) issues.add('type', 'is required');
  const arrayOnly = required === 'VerifiableCredential';
  const types = value.type === undefined ? undefined : typesOf(value.type, 'type', issues, arrayOnly);
  if (types && !types.includes(required)) issues.add('type', `must include ${required}`);
  if (types && inline && Array.isArray(value['@context'])) {
    checkTypeTerms(types, value['@context'], inline, 'type', issues);
  }
}

/** What {@link checkCredentialModel} may leave out. */
export interface ModelCheckOptions {
  /** True when `issuer` may be absent (an issuer fills it in). Default: false. */
  issuerOptional?: boolean;
}

/**
 * Checks a credential (unsecured, or as read out of its envelope) against the normative statements of
 * the VC Data Model 2.0 that do not need JSON-LD processing beyond the bundled contexts: `@context`,
 * `id`, `type` (and its mapping when `@vocab` is off), `issuer`, `credentialSubject`, `validFrom` /
 * `validUntil`, `name` / `description`, and the typed members (`credentialStatus`, `credentialSchema`,
 * `refreshService`, `termsOfUse`, `evidence`). Answers every issue found; empty when it conforms.
 */
export function checkCredentialModel(value: unknown, options: ModelCheckOptions = {}): ModelIssue[] {
  const issues = new Issues();
  if (!isObject(value)) return [{ path: '', message: 'must be a JSON object' }];
  checkHead(value, 'VerifiableCredential', issues);
  if (value.issuer !== undefined || !options.issuerOptional) checkIssuer(value.issuer, issues);
  checkSubjects(value.credentialSubject, issues);
  for (const member of ['validFrom', 'validUntil'] as const) {
    if (value[member] !== undefined && !isDateTimeStamp(value[member])) {
      issues.add(member, 'must be a date-time with a time zone');
    }
  }
  if (isDateTimeStamp(value.validFrom) && isDateTimeStamp(value.validUntil)) {
    if (Date.parse(value.validFrom) > Date.parse(value.validUntil)) {
      issues.add('validUntil', 'must not be before validFrom');
    }
  }
  checkText(value.name, 'name', issues);
  checkText(value.description, 'description', issues);
  checkTypedObjects(value.credentialStatus, 'credentialStatus', issues, false);
  checkTypedObjects(value.credentialSchema, 'credentialSchema', issues, true);
  checkTypedObjects(value.refreshService, 'refreshService', issues, true);
  checkTypedObjects(value.termsOfUse, 'termsOfUse', issues, false);
  checkTypedObjects(value.evidence, 'evidence', issues, false);
  return issues.list;
}
