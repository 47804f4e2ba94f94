import {
  type DccSignerFacts,
  type DccSignerLookup,
  dccSignerLookup,
  dccTrustEntrySchema,
} from '@passage/formats/pure';
import { type CryptoKey, importCertificateKey, readCertificate } from '../x509.js';

/** A trusted DSC in the browser: the facts the checks read, and its key imported for its algorithm. */
export interface WebDccSigner extends DccSignerFacts {
  /** The key for ES256 (a P-256 key) or PS256 (an RSA key); undefined when it fits neither. */
  key: { alg: 'ES256' | 'PS256'; key: CryptoKey } | undefined;
}

/** Trusted DSCs by kid, as `createDccTrust` of `@passage/formats` builds them for node. */
export interface WebDccTrust extends DccSignerLookup<WebDccSigner> {
  readonly size: number;
}

const decodeBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function signerOf(entry: { country: string; kid: string; certificate: string }): Promise<WebDccSigner> {
  const certificate = readCertificate(decodeBase64(entry.certificate));
  const ec = await importCertificateKey(certificate, { name: 'ECDSA', namedCurve: 'P-256' });
  const rsa = ec ? undefined : await importCertificateKey(certificate, { name: 'RSA-PSS', hash: 'SHA-256' });
  return {
    country: entry.country,
    kid: entry.kid,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    extendedKeyUsage: certificate.extendedKeyUsage ?? [],
    key: ec ? { alg: 'ES256', key: ec } : rsa ? { alg: 'PS256', key: rsa } : undefined,
  };
}

/**
 * Builds the DSC lookup from trust list entries of any framework, taking the `framework: "dcc"` ones as
 * `createDccTrust` does: the same schema, and an entry whose certificate does not parse (or whose
 * validity does not) skipped and counted in `rejected`.
 */
export async function createWebDccTrust(
  entries: readonly unknown[],
): Promise<{ trust: WebDccTrust; rejected: number }> {
  const signers: WebDccSigner[] = [];
  let rejected = 0;
  for (const input of entries) {
    if (typeof input !== 'object' || input === null || Reflect.get(input, 'framework') !== 'dcc') continue;
    const parsed = dccTrustEntrySchema.safeParse(input);
    const signer = parsed.success ? await signerOf(parsed.data).catch(() => undefined) : undefined;
    if (signer === undefined) rejected++;
    else signers.push(signer);
  }
  return { trust: dccSignerLookup(signers), rejected };
}
