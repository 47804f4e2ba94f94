import { trustEntryFor } from '@passage/credentials';
import { keysFromDidDocument, type TrustListEntryInput } from '@passage/trust';
import { CliError } from '../errors.js';
import { type CliIo, parseJson, readInput } from '../io.js';
import { withIssuer } from '../issuer.js';

/** The options of `trust-list add-issuer`, as parsed. */
export interface AddIssuerOptions {
  did?: string | undefined;
  name?: string | undefined;
  economy?: string | undefined;
  types?: string | undefined;
  keysFromDidDocument?: string | undefined;
  jwk?: string | undefined;
  kid?: string | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  /** Slug of the issuer database's authority ('' for the only one), when taken from there. */
  fromIssuerDb?: string | undefined;
}

const DID_DOCUMENT_MAX_BYTES = 256 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/** A DID document from a file or an http(s) URL: bounded in time and size. */
async function readDidDocument(io: CliIo, source: string): Promise<unknown> {
  if (!/^https?:\/\//.test(source)) return parseJson(await readInput(io, source), 'the DID document');
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch {
    throw new CliError('INPUT_UNREADABLE', 'the DID document could not be fetched');
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (!response.ok || declared > DID_DOCUMENT_MAX_BYTES)
    throw new CliError('INPUT_UNREADABLE', `the DID document could not be fetched (HTTP ${response.status})`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > DID_DOCUMENT_MAX_BYTES)
    throw new CliError('INPUT_INVALID', 'the DID document is too large');
  return parseJson(body.toString('utf8'), 'the DID document');
}

/** One public JWK from a file, under `kid` (a full verification method id, or a fragment of the DID; default `#key-1`). */
async function keyFromJwkFile(io: CliIo, path: string, did: string, kid: string | undefined) {
  const jwk = parseJson(await readInput(io, path), 'the JWK file');
  if (typeof jwk !== 'object' || jwk === null)
    throw new CliError('INPUT_INVALID', 'the JWK file holds no JWK');
  const { kty, crv, x, y, kid: ownKid } = jwk as Record<string, unknown>;
  // A JWK's own kid names the verification method only when it is a DID URL fragment of this DID.
  const own =
    typeof ownKid === 'string' && (ownKid.startsWith('#') || ownKid.startsWith(`${did}#`))
      ? ownKid
      : undefined;
  const id = kid ?? own ?? 'key-1';
  const fullKid = id.startsWith(`${did}#`) ? id : `${did}#${id.replace(/^#/, '')}`;
  return { kid: fullKid, publicKeyJwk: { kty, crv, x, ...(y === undefined ? {} : { y }) } };
}

function instant(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new CliError('USAGE', `${option} takes an ISO 8601 date or date-time`);
  return date.toISOString();
}

function listOf(types: string | undefined): string[] | undefined {
  return types
    ?.split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

async function fromIssuerDatabase(io: CliIo, slug: string): Promise<TrustListEntryInput> {
  return withIssuer(io, async (service) => {
    const { authority } = await service.actAs(slug === '' ? undefined : slug);
    const identifier = await service.agent.didManagerGet({ did: authority.did });
    return trustEntryFor(identifier, {
      name: authority.name,
      economy: authority.economy,
      types: authority.types as TrustListEntryInput['types'],
    });
  });
}

/**
 * The trust entry `add-issuer` adds: from the issuer database, or from the flags with keys from a DID
 * document or a JWK file (none: verifiers resolve the DID document). Flags override the database.
 */
export async function entryFromOptions(
  io: CliIo,
  options: AddIssuerOptions,
  usage: string,
): Promise<TrustListEntryInput> {
  const base =
    options.fromIssuerDb === undefined ? undefined : await fromIssuerDatabase(io, options.fromIssuerDb);
  const did = options.did ?? base?.did;
  const name = options.name ?? base?.name;
  const economy = options.economy?.toUpperCase() ?? base?.economy;
  const types = listOf(options.types) ?? base?.types;
  if (did === undefined || name === undefined || economy === undefined || types === undefined)
    throw new CliError('USAGE', usage);
  if (options.keysFromDidDocument !== undefined && options.jwk !== undefined)
    throw new CliError('USAGE', 'give --keys-from-did-document or --jwk, not both');
  let keys: unknown[] = base?.keys ?? [];
  if (options.keysFromDidDocument !== undefined)
    keys = keysFromDidDocument(await readDidDocument(io, options.keysFromDidDocument), did);
  if (options.jwk !== undefined) keys = [await keyFromJwkFile(io, options.jwk, did, options.kid)];
  const validFrom = instant(options.validFrom, '--valid-from');
  const validUntil = instant(options.validUntil, '--valid-until');
  return {
    framework: 'passage',
    did,
    name,
    economy,
    types,
    keys,
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validUntil === undefined ? {} : { validUntil }),
  } as TrustListEntryInput;
}
