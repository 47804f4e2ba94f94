import {
  createAuthorityDid,
  didWebFor,
  type PassageTrustEntry,
  trustEntryFor,
  verificationMethodId,
} from '@passage/credentials';
import { alpha3Schema, type CredentialType, credentialTypeSchema } from '@passage/schema';
import { z } from 'zod';
import {
  type AuthorityRecord,
  createApiKey,
  findAuthorityByDid,
  findAuthorityBySlug,
  insertAuthority,
} from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { IssuerContext } from './context.js';
import { issuesToDetails } from './details.js';

/** What it takes to register an issuing authority. */
export const createAuthorityInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  economy: alpha3Schema,
  types: z.array(credentialTypeSchema).min(1),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be 2 to 40 lower-case letters, digits or dashes')
    .optional(),
  keyType: z.enum(['Secp256r1', 'Ed25519']).default('Secp256r1'),
  storePersonalData: z.boolean().default(false),
  /** Give this authority the issuer host's own DID (`did:web:host`, served at /.well-known/did.json). */
  root: z.boolean().default(false),
});

/** The input of {@link createAuthority}. */
export type CreateAuthorityInput = z.input<typeof createAuthorityInputSchema>;

/** A new authority, its first API key (shown once) and its entry for verifiers' trust files. */
export interface CreatedAuthority {
  authority: AuthorityRecord;
  did: string;
  apiKey: string;
  trustEntry: PassageTrustEntry;
}

function slugFrom(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30);
  return base.length >= 2 ? base : 'authority';
}

async function freeSlug(ctx: IssuerContext, wanted: string | undefined, name: string): Promise<string> {
  if (wanted !== undefined) {
    if (await findAuthorityBySlug(ctx.db, wanted))
      throw new IssuerError('AUTHORITY_EXISTS', 'an authority with this slug exists');
    return wanted;
  }
  const base = slugFrom(name);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await findAuthorityBySlug(ctx.db, slug))) return slug;
  }
  throw new IssuerError('AUTHORITY_EXISTS', 'no free slug for this name');
}

/**
 * Registers an issuing authority: a did:web under the issuer's public URL with a fresh key (kept in
 * the database, encrypted), and a first API key scoped to the authority's types and economy.
 */
export async function createAuthority(ctx: IssuerContext, raw: unknown): Promise<CreatedAuthority> {
  const parsed = createAuthorityInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new IssuerError('SCHEMA_INVALID', 'the authority is not valid', issuesToDetails(parsed.error));
  const input = parsed.data;
  const slug = await freeSlug(ctx, input.slug, input.name);
  if (input.root && (await findAuthorityByDid(ctx.db, rootDid(ctx)))) {
    throw new IssuerError('AUTHORITY_EXISTS', "another authority holds the issuer host's DID");
  }
  const identifier = await createAuthorityDid(ctx.agent, {
    publicUrl: ctx.publicUrl,
    slug,
    root: input.root,
    keyType: input.keyType,
  });
  const [key] = identifier.keys;
  if (!key) throw new IssuerError('INTERNAL', 'the new DID has no key');
  const types: CredentialType[] = input.types;
  try {
    const authority = await insertAuthority(ctx.db, {
      slug,
      name: input.name,
      economy: input.economy,
      did: identifier.did,
      kid: verificationMethodId(identifier, key),
      keyType: input.keyType,
      types,
      storePersonalData: input.storePersonalData,
    });
    const { apiKey } = await createApiKey(ctx.db, {
      authorityId: authority.id,
      types,
      economy: input.economy,
    });
    const trustEntry = trustEntryFor(identifier, { name: input.name, economy: input.economy, types });
    return { authority, did: identifier.did, apiKey, trustEntry };
  } catch (error) {
    await ctx.agent.didManagerDelete({ did: identifier.did }).catch(() => undefined);
    throw error;
  }
}

/** The issuer host's own did:web, which one authority may hold. */
export function rootDid(ctx: Pick<IssuerContext, 'publicUrl'>): string {
  return didWebFor(ctx.publicUrl, []);
}

/** The did:web an authority with this slug has under the issuer's public URL. */
export function authorityDid(ctx: Pick<IssuerContext, 'publicUrl'>, slug: string): string {
  return didWebFor(ctx.publicUrl, ['authorities', slug]);
}
