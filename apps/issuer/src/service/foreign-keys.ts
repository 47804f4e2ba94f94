import { createPublicKey, type KeyObject } from 'node:crypto';
import { publicKeysOf, verificationMethodId } from '@passage/credentials';
import {
  createDevelopmentDsc,
  type DccTrustEntry,
  type DscDetails,
  dccCountryCode,
  dccTrustEntryFor,
  type Es256Signer,
  isFormatIssueError,
  readDsc,
  type ShcPublicJwk,
  shcPublicJwk,
} from '@passage/formats';
import { type DccSignerRecord, findDccSigner, saveDccSigner } from '../db/dcc-signers.js';
import { type AuthorityRecord, findAuthorityBySlug } from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { IssuerContext } from './context.js';

/** An authority's P-256 key as DCC and SHC need it: the public key, and a signer that keeps the private one in the KMS. */
export interface ForeignSigningKey {
  publicKey: KeyObject;
  signer: Es256Signer;
}

/** Refuses an authority whose key cannot sign ES256: DCC and SMART Health Cards allow nothing else here. */
export function requireP256(authority: AuthorityRecord): void {
  if (authority.keyType !== 'Secp256r1') {
    throw new IssuerError(
      'KEY_TYPE_UNSUPPORTED',
      'EU DCC and SMART Health Cards are signed with ES256: this authority has an Ed25519 key',
    );
  }
}

/** The authority's signing key, signing through the Veramo agent's KMS (the private key is never exported). */
export async function foreignSigningKey(
  ctx: IssuerContext,
  authority: AuthorityRecord,
): Promise<ForeignSigningKey> {
  requireP256(authority);
  const identifier = await ctx.agent.didManagerGet({ did: authority.did });
  const key = identifier.keys.find((k) => verificationMethodId(identifier, k) === authority.kid);
  const jwk = publicKeysOf(identifier).find((k) => k.kid === authority.kid)?.publicKeyJwk;
  if (!key || !jwk) throw new IssuerError('INTERNAL', "the authority's signing key is not held");
  const signer: Es256Signer = {
    async sign(data) {
      const signature = await ctx.agent.keyManagerSign({
        keyRef: key.kid,
        data: Buffer.from(data).toString('hex'),
        encoding: 'hex',
        algorithm: 'ES256',
      });
      return Buffer.from(signature, 'base64url');
    },
  };
  return { publicKey: createPublicKey({ key: jwk, format: 'jwk' }), signer };
}

/** The authority with this slug, or NOT_FOUND. */
export async function authorityBySlug(ctx: IssuerContext, slug: string): Promise<AuthorityRecord> {
  const authority = await findAuthorityBySlug(ctx.db, slug);
  if (!authority) throw new IssuerError('NOT_FOUND', 'no such authority');
  return authority;
}

/** The SMART Health Card issuer URL of an authority: its JWKS is at `${iss}/.well-known/jwks.json`. */
export function shcIssuerUrl(ctx: Pick<IssuerContext, 'publicUrl'>, slug: string): string {
  return `${ctx.publicUrl}/authorities/${slug}`;
}

/** The JWKS of an authority's SMART Health Cards (undefined for an Ed25519 authority or none). */
export async function shcJwks(
  ctx: IssuerContext,
  slug: string,
): Promise<{ keys: ShcPublicJwk[] } | undefined> {
  const authority = await findAuthorityBySlug(ctx.db, slug);
  if (!authority) return undefined;
  if (authority.keyType !== 'Secp256r1') return undefined;
  const { publicKey } = await foreignSigningKey(ctx, authority);
  return { keys: [shcPublicJwk(publicKey)] };
}

/** What the operator sees of an authority's DSC, with the trust entry verifiers need. */
export interface DscView {
  authority: string;
  kid: string;
  country: string;
  origin: DccSignerRecord['origin'];
  notBefore: string;
  notAfter: string;
  trustEntry: DccTrustEntry;
}

function viewOf(slug: string, signer: DccSignerRecord): DscView {
  return {
    authority: slug,
    kid: signer.kid,
    country: signer.country,
    origin: signer.origin,
    notBefore: signer.notBefore.toISOString(),
    notAfter: signer.notAfter.toISOString(),
    trustEntry: dccTrustEntryFor(signer.certificate, signer.country),
  };
}

/** The DCC trust entry of an authority's DSC, or undefined when it has none. */
export async function dccTrustEntry(ctx: IssuerContext, slug: string): Promise<DccTrustEntry | undefined> {
  const authority = await findAuthorityBySlug(ctx.db, slug);
  const signer = authority && (await findDccSigner(ctx.db, authority.id));
  return signer ? dccTrustEntryFor(signer.certificate, signer.country) : undefined;
}

/** The authority's DSC, checked usable now (DSC_MISSING or DSC_INVALID otherwise). */
export async function currentDsc(ctx: IssuerContext, authority: AuthorityRecord): Promise<DccSignerRecord> {
  const signer = await findDccSigner(ctx.db, authority.id);
  if (!signer) {
    throw new IssuerError(
      'DSC_MISSING',
      'this authority has no DCC signer certificate: generate or import one',
    );
  }
  const now = ctx.clock().getTime();
  if (now < signer.notBefore.getTime() || now >= signer.notAfter.getTime()) {
    throw new IssuerError('DSC_INVALID', "the authority's DCC signer certificate is not valid now");
  }
  return signer;
}

const DAY_MS = 86_400_000;

/**
 * Generates a self-signed development DSC for an authority's own key (DCC extended key usage for
 * vaccination) and stores it, replacing any other. Verifiers trust it only through its trust entry.
 */
export async function generateDsc(ctx: IssuerContext, slug: string, validDays = 730): Promise<DscView> {
  const authority = await authorityBySlug(ctx, slug);
  const { publicKey, signer } = await foreignSigningKey(ctx, authority);
  const notBefore = ctx.clock();
  const notAfter = new Date(notBefore.getTime() + validDays * DAY_MS);
  const country = countryOf(authority);
  const der = await createDevelopmentDsc({
    publicKey,
    signer,
    country,
    commonName: authority.name,
    notBefore,
    notAfter,
  });
  const details = readDsc(der, publicKey);
  const record = {
    ...recordOf(authority, details, country),
    origin: 'generated' as const,
    createdAt: notBefore,
  };
  await saveDccSigner(ctx.db, record);
  return viewOf(slug, record);
}

/**
 * Imports a production DSC (PEM or DER) for an authority: it must certify the authority's own key, allow
 * vaccination certificates, name the authority's country (when it names one) and be valid now.
 */
export async function importDsc(
  ctx: IssuerContext,
  slug: string,
  certificate: Uint8Array | string,
): Promise<DscView> {
  const authority = await authorityBySlug(ctx, slug);
  const { publicKey } = await foreignSigningKey(ctx, authority);
  let details: DscDetails;
  try {
    details = readDsc(certificate, publicKey);
  } catch (error) {
    if (isFormatIssueError(error)) throw new IssuerError('DSC_INVALID', error.message);
    throw error;
  }
  const country = countryOf(authority);
  if (details.country !== undefined && details.country !== country) {
    throw new IssuerError('DSC_INVALID', "the certificate's country is not the authority's");
  }
  const now = ctx.clock();
  if (now < details.notBefore || now >= details.notAfter) {
    throw new IssuerError('DSC_INVALID', 'the certificate is not valid now');
  }
  const record = { ...recordOf(authority, details, country), origin: 'imported' as const, createdAt: now };
  await saveDccSigner(ctx.db, record);
  return viewOf(slug, record);
}

function recordOf(authority: AuthorityRecord, details: DscDetails, country: string) {
  return {
    authorityId: authority.id,
    kid: details.kid,
    country,
    certificate: details.der,
    notBefore: details.notBefore,
    notAfter: details.notAfter,
  };
}

/** The authority's economy as the ISO 3166-1 alpha-2 code DCC uses. */
function countryOf(authority: AuthorityRecord): string {
  return dccCountryCode(authority.economy);
}
