import {
  base64Of,
  type DccSignerFacts,
  type DccSignerLookup,
  type DccTrustEntry,
  dccTrustEntrySchema,
  isReadablePeriod,
} from '@passage/formats/pure';
import { decodeBase64 } from '../base64url.js';
import { readByKey } from '../read-by-key.js';
import { readCertificate } from '../x509-certificate.js';
import { type CryptoKey, CURVES, importAs, keyTypeOf, type SigningKey } from '../x509-keys.js';

/** A trusted DSC in the browser: the facts the checks read, and its key imported for its algorithm. */
export interface WebDccSigner extends DccSignerFacts {
  /** The key for ES256 (a P-256 key) or PS256 (an RSA key); undefined when it fits neither. */
  key: { alg: 'ES256' | 'PS256'; key: CryptoKey } | undefined;
}

/**
 * Trusted DSCs by kid, as `createDccTrust` of `@passage/formats` builds them for node, but read when
 * first asked for: a trust list may hold the EU gateway's thousands of DSCs, and reading each takes a
 * millisecond or more in a phone's browser, so the page reads only the kid a scanned DCC names.
 */
export interface WebDccTrust extends DccSignerLookup<WebDccSigner> {
  /** Reads and imports the certificates listed under `kid`, once; `signersFor(kid)` answers them after. */
  prepare(kid: Uint8Array): Promise<void>;
  /** Reads every certificate: how many are trusted and how many skipped, as `createDccTrust` counts. */
  settle(): Promise<{ size: number; rejected: number }>;
}

/**
 * The key as `verifyCoseSignature` lets it verify: a P-256 EC key ES256, an RSA key (rsaEncryption or
 * id-RSASSA-PSS) PS256 (RSA-PSS with SHA-256), any other key nothing.
 */
async function dccKeyOf(key: SigningKey): Promise<WebDccSigner['key']> {
  const type = keyTypeOf(key);
  if (type === 'ec' && key.namedCurve === CURVES['P-256']) {
    const imported = await importAs(key, { name: 'ECDSA', namedCurve: 'P-256' });
    return imported && { alg: 'ES256', key: imported };
  }
  if (type !== 'rsa' && type !== 'rsa-pss') return undefined;
  const imported = await importAs(key, { name: 'RSA-PSS', hash: 'SHA-256' });
  return imported && { alg: 'PS256', key: imported };
}

async function signerOf(entry: { country: string; kid: string; certificate: string }): Promise<WebDccSigner> {
  const certificate = await readCertificate(decodeBase64(entry.certificate) ?? new Uint8Array(0));
  if (!isReadablePeriod(certificate.period))
    throw new RangeError('the certificate has a validity period that does not parse');
  return {
    country: entry.country,
    kid: entry.kid,
    ...certificate.period,
    extendedKeyUsage: certificate.extendedKeyUsage ?? [],
    key: await dccKeyOf(certificate.key),
  };
}

/**
 * The DSC lookup of trust list entries of any framework, taking the `framework: "dcc"` ones as
 * `createDccTrust` does: the same schema, and an entry whose certificate node's X509Certificate refuses
 * (or whose key or validity does not read) skipped. Only the schema is checked here; certificates are
 * read per kid, when a DCC names it (`prepare`).
 */
export function createWebDccTrust(entries: readonly unknown[]): WebDccTrust {
  const listed: [string, DccTrustEntry][] = [];
  let invalid = 0;
  for (const input of entries) {
    if (typeof input !== 'object' || input === null || Reflect.get(input, 'framework') !== 'dcc') continue;
    const parsed = dccTrustEntrySchema.safeParse(input);
    if (parsed.success) listed.push([parsed.data.kid, parsed.data]);
    else invalid++;
  }
  const signers = readByKey(listed, signerOf);
  const none: readonly WebDccSigner[] = [];
  return {
    signersFor: (kid) => signers.ready(base64Of(kid)) ?? none,
    prepare: async (kid) => {
      await signers.prepare(base64Of(kid));
    },
    settle: async () => {
      let size = 0;
      for (const kid of signers.keys()) size += (await signers.prepare(kid)).length;
      return { size, rejected: invalid + signers.skipped };
    },
  };
}
