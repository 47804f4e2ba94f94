import { type ShcTrustEntry, shcTrustEntrySchema } from '@passage/formats';
import { z } from 'zod';
import { TrustListError } from '../errors.js';
import type { ImportOutcome } from './dcc-gateway.js';

/** `vci-issuers.json`: the issuers taking part in the VCI directory. */
const participantsSchema = z.looseObject({
  participating_issuers: z
    .array(
      z.looseObject({ iss: z.string(), name: z.string().optional(), canonical_iss: z.string().optional() }),
    )
    .max(100_000),
});

/** `vci_snapshot.json`: each issuer's JWKS keys and card revocation lists, as last retrieved. */
const snapshotSchema = z.looseObject({
  issuerInfo: z
    .array(
      z.looseObject({
        issuer: z.looseObject({ iss: z.string(), name: z.string().optional() }),
        keys: z.array(z.unknown()).max(1000).optional(),
        crls: z.array(z.unknown()).max(1000).optional(),
      }),
    )
    .max(100_000),
});

type SnapshotIssuer = z.infer<typeof snapshotSchema>['issuerInfo'][number];

const trimmed = (iss: string) => iss.replace(/\/+$/, '');

// A CRL per kid: the highest counter wins when a snapshot holds several.
function latestCrls(crls: readonly unknown[]): unknown[] {
  const byKid = new Map<string, { ctr: number; crl: unknown }>();
  for (const crl of crls) {
    if (typeof crl !== 'object' || crl === null) continue;
    const { kid, ctr } = crl as { kid?: unknown; ctr?: unknown };
    if (typeof kid !== 'string') continue;
    const counter = Number(ctr ?? 0);
    const held = byKid.get(kid);
    if (!held || counter > held.ctr) byKid.set(kid, { ctr: counter, crl });
  }
  return [...byKid.values()].map((c) => c.crl);
}

// A JWKS may hold keys that are not for cards (no kid, other kinds): those are dropped, not the issuer.
function isPublicKeyWithKid(key: unknown): boolean {
  if (typeof key !== 'object' || key === null) return false;
  const { kid, d } = key as { kid?: unknown; d?: unknown };
  return typeof kid === 'string' && kid.length > 0 && d === undefined;
}

function entryOf(iss: string, name: string | undefined, info: SnapshotIssuer): ShcTrustEntry | undefined {
  const crls = latestCrls(info.crls ?? []);
  const parsed = shcTrustEntrySchema.safeParse({
    framework: 'shc',
    iss,
    ...(name === undefined ? {} : { name: name.slice(0, 200) }),
    keys: (info.keys ?? []).filter(isPublicKeyWithKid),
    ...(crls.length === 0 ? {} : { crl: crls }),
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * SMART Health Card issuers from the VCI directory, as `framework: "shc"` trust entries: each issuer
 * of `vci-issuers.json` (aliases naming a `canonical_iss` are left out) with its keys and CRLs from
 * `vci_snapshot.json`. Without the issuer list, every issuer of the snapshot is taken. An issuer with
 * no usable keys in the snapshot, or whose entry does not match the SHC trust entry schema (a private
 * key, an `iss` that is not https), is skipped.
 *
 * @throws TrustListError `INVALID_ARGUMENT` when a document is not what its name says.
 */
export function shcEntriesFromVci(issuers: unknown, snapshot: unknown): ImportOutcome<ShcTrustEntry> {
  const held = snapshotSchema.safeParse(snapshot);
  if (!held.success)
    throw new TrustListError('INVALID_ARGUMENT', 'not a VCI directory snapshot ({"issuerInfo": [...]})');
  const byIss = new Map<string, SnapshotIssuer>();
  for (const info of held.data.issuerInfo) byIss.set(trimmed(info.issuer.iss), info);
  let wanted: { iss: string; name?: string | undefined }[];
  if (issuers === undefined) wanted = held.data.issuerInfo.map((i) => i.issuer);
  else {
    const listed = participantsSchema.safeParse(issuers);
    if (!listed.success)
      throw new TrustListError(
        'INVALID_ARGUMENT',
        'not a VCI issuer list ({"participating_issuers": [...]})',
      );
    wanted = listed.data.participating_issuers.filter((i) => i.canonical_iss === undefined);
  }
  const entries: ShcTrustEntry[] = [];
  let skipped = 0;
  for (const { iss, name } of wanted) {
    const info = byIss.get(trimmed(iss));
    const entry = info === undefined ? undefined : entryOf(trimmed(iss), name ?? info.issuer.name, info);
    if (entry) entries.push(entry);
    else skipped++;
  }
  return { entries, skipped };
}
