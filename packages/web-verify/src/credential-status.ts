import { getStatusBit } from '@passage/credentials/pure';
import { decodeCompactJws } from './internal/jws.js';
import { verifyStatusList } from './internal/status-list.js';
import { documentKeyLookup } from './internal/trust-store.js';

/** A credential's standing as its issuer's status lists give it, or `unknown` when they could not be read. */
export type HolderStatus = 'active' | 'suspended' | 'revoked' | 'unknown';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The revocation and suspension entries of a credential: list URL, index and purpose. */
function entriesOf(credential: Json): { url: string; index: number; purpose: 'revocation' | 'suspension' }[] {
  const status = credential.credentialStatus;
  const list = Array.isArray(status) ? status : status === undefined ? [] : [status];
  return list.flatMap((e) => {
    if (!isObject(e) || typeof e.statusListCredential !== 'string') return [];
    if (e.statusPurpose !== 'revocation' && e.statusPurpose !== 'suspension') return [];
    if (typeof e.statusListIndex !== 'string' || !/^\d{1,15}$/.test(e.statusListIndex)) return [];
    return [{ url: e.statusListCredential, index: Number(e.statusListIndex), purpose: e.statusPurpose }];
  });
}

/**
 * What a holder's wallet shows of a credential it keeps: whether its issuer has revoked or suspended
 * it, from the issuer's status lists (each verified against the issuer's DID document, as the border
 * verifies them against the trust list). `fetchList` answers a list's compact JWS. Never throws: a
 * list that cannot be fetched or does not verify makes the answer `unknown`.
 */
export async function holderStatusOf(
  jws: string,
  options: { issuerDocument: unknown; fetchList: (url: string) => Promise<string>; now?: Date },
): Promise<HolderStatus> {
  try {
    const { payload } = decodeCompactJws(jws);
    const credential = isObject(payload.vc) ? payload.vc : payload;
    const keys = await documentKeyLookup(options.issuerDocument);
    if (!keys) return 'unknown';
    const { issuer, lookup: trust } = keys;
    const entries = entriesOf(credential);
    if (entries.length === 0) return 'active';
    const now = (options.now ?? new Date()).getTime();
    let status: HolderStatus = 'active';
    for (const entry of entries) {
      const list = await verifyStatusList(await options.fetchList(entry.url), { url: entry.url, trust, now });
      if (list.issuer !== issuer || !list.purposes.includes(entry.purpose)) return 'unknown';
      if (getStatusBit(list.bits, entry.index)) {
        if (entry.purpose === 'revocation') return 'revoked';
        status = 'suspended';
      }
    }
    return status;
  } catch {
    return 'unknown';
  }
}
