// The barcode signer certificate of a seal (`sig.cer`), read in the browser as the Node verifier
// reads it: the same decoding errors, the same facts, the issuing CSCA found by the same rules.
import {
  documentTypesOf,
  type IcaoSignerFacts,
  keepBarcodeSigner,
  signerNotCertificate,
} from '@passage/formats/pure';
import { decodeBase64url } from '../base64url.js';
import { issuedBy } from '../x509-chain.js';
import { type IcaoCertificate, readIcaoCertificate } from './certificate.js';
import type { WebIcaoCsca } from './trust.js';

/** A barcode signer, read once. */
export interface WebBarcodeSigner extends IcaoCertificate, IcaoSignerFacts {
  /** Whether each CSCA issued this certificate, remembered per prepared CSCA. */
  issuedBy: WeakMap<WebIcaoCsca, boolean>;
}

// One barcode signer signs many seals: its certificate is read, and its chain checked, once.
const signers = new Map<string, WebBarcodeSigner>();

/** `sig.cer` (base64url, maybe padded) as node's base64url decoder reads it: padding ends the text. */
function cerBytes(cer: string): Uint8Array {
  const bytes = decodeBase64url(cer.replace(/=+$/, ''));
  if (!bytes) throw new RangeError('sig.cer is not base64url');
  return bytes;
}

/** Reads `sig.cer`. Throws DECODING_FAILED (a CredentialError) for anything that is not a certificate. */
export async function readBarcodeSigner(cer: string): Promise<WebBarcodeSigner> {
  const cached = signers.get(cer);
  if (cached) return cached;
  let signer: WebBarcodeSigner;
  try {
    const certificate = await readIcaoCertificate(cerBytes(cer));
    signer = { ...certificate, documentTypes: documentTypesOf(certificate.asn), issuedBy: new WeakMap() };
  } catch (cause) {
    throw signerNotCertificate(cause);
  }
  return keepBarcodeSigner(signers, cer, signer);
}

/** The first trusted CSCA (in trust list order) that issued and signed `signer`, if any. */
export async function issuingCsca(
  signer: WebBarcodeSigner,
  cscas: readonly WebIcaoCsca[],
): Promise<WebIcaoCsca | undefined> {
  for (const csca of cscas) {
    let known = signer.issuedBy.get(csca);
    if (known === undefined) {
      known = await issuedBy(signer, csca);
      signer.issuedBy.set(csca, known);
    }
    if (known) return csca;
  }
  return undefined;
}
