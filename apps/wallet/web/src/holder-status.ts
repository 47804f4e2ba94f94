import { type HolderStatus, holderStatusOf } from '@passage/web-verify';
import { didDocumentUrl } from './issuer-signature.js';
import type { StoredCredential } from './store.js';

/** What a card says of each standing; nothing for an active credential, the usual case. */
export const STATUS_WORDS: Record<HolderStatus, string> = {
  active: '',
  revoked: 'Revoked by the issuer: it will not be accepted',
  suspended: 'Suspended by the issuer for now',
  unknown: 'Status not checked (offline or issuer unreachable)',
};

// One answer per credential for the page's lifetime: the issuer is asked once, not on every render.
const known = new Map<string, Promise<HolderStatus>>();

async function fetchText(url: string, accept: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept } });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return response.text();
}

/**
 * Whether the issuer has revoked or suspended a kept credential, from its status lists (verified
 * against the issuer's DID document); `unknown` offline or when the issuer cannot be read.
 */
export function holderStatus(credential: StoredCredential): Promise<HolderStatus> {
  let answer = known.get(credential.id);
  if (answer === undefined) {
    answer = (async () => {
      if (!navigator.onLine) return 'unknown';
      const url = didDocumentUrl(credential.summary.issuer, credential.summary.issuerUrl);
      if (url === undefined) return 'unknown';
      try {
        const issuerDocument: unknown = JSON.parse(await fetchText(url, 'application/json'));
        return await holderStatusOf(credential.jws, {
          issuerDocument,
          fetchList: (list) => fetchText(list, 'application/vc+jwt'),
        });
      } catch {
        return 'unknown';
      }
    })();
    known.set(credential.id, answer);
  }
  return answer;
}
