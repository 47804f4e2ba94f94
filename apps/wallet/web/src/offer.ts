import { WalletError } from './errors.js';

const SCHEME = 'openid-credential-offer://';
const OFFER_PARAMS = ['credential_offer', 'credential_offer_uri'] as const;

/** The offer parameter of a query (by value or by reference), as an `openid-credential-offer://` URI. */
function offerUriOf(params: URLSearchParams): string | undefined {
  for (const name of OFFER_PARAMS) {
    const value = params.get(name);
    if (value) return `${SCHEME}?${new URLSearchParams({ [name]: value })}`;
  }
  return undefined;
}

/**
 * The offer URI in what the traveller pasted or scanned: an `openid-credential-offer://` URI, or a
 * wallet link (`https://wallet…/?credential_offer=…`) carrying one.
 *
 * @throws WalletError `OFFER_INVALID` for anything else.
 */
export function offerFromText(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new WalletError('OFFER_INVALID');
  }
  const offer = offerUriOf(url.searchParams);
  if (!offer || !(trimmed.startsWith(SCHEME) || /^https?:$/.test(url.protocol))) {
    throw new WalletError('OFFER_INVALID');
  }
  return offer;
}

/** The offer a wallet link carries in the page's own query (`location.search`), if any. */
export function offerFromQuery(search: string): string | undefined {
  return offerUriOf(new URLSearchParams(search));
}

/** The page's URL without the offer parameters, to replace it in history once the offer is read. */
export function withoutOffer(href: string): string {
  const url = new URL(href);
  for (const name of OFFER_PARAMS) url.searchParams.delete(name);
  return url.href;
}

/**
 * The credential issuer an offer names (by value) or the host it is fetched from (by reference): the
 * wallet accepts plain http only for an issuer on this device (the local demo).
 */
export function offerIssuerUrl(offerUri: string): string | undefined {
  const params = new URL(offerUri).searchParams;
  const byReference = params.get('credential_offer_uri');
  if (byReference) return byReference;
  try {
    const offer: unknown = JSON.parse(params.get('credential_offer') ?? '');
    const issuer = (offer as { credential_issuer?: unknown } | null)?.credential_issuer;
    return typeof issuer === 'string' ? issuer : undefined;
  } catch {
    return undefined;
  }
}

/** True for an `http:` URL on this device (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
  } catch {
    return false;
  }
}
