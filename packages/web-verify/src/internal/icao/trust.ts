// Trusted CSCAs for VDS-NC seals in the browser, from the trust list entries `prepareIcaoTrust`
// takes, with the same handling: the same schema and errors, a CRL kept only when its CSCA signed it.
import {
  addCsca,
  crlNotSigned,
  cscaNotCertificate,
  cscaPeriodUnreadable,
  type IcaoCrl,
  type IcaoIssuerFacts,
  type IcaoTrustEntry,
  icaoCrlOf,
  icaoTrustEntryOf,
  isReadablePeriod,
  readCrl,
} from '@passage/formats/pure';
import { decodeBase64 } from '../base64url.js';
import { isCredentialError } from '../credentials.js';
import { crlSignedBy } from '../crl.js';
import { readByKey } from '../read-by-key.js';
import { type IcaoCertificate, readIcaoCertificate } from './certificate.js';

/** A CSCA ready for verification in the browser: certificate read once, CRL checked once. */
export interface WebIcaoCsca extends IcaoCertificate, IcaoIssuerFacts {
  country: string;
  crl?: IcaoCrl;
  crlProblem?: string;
}

/**
 * Trusted CSCAs by issuing state (several per state during a key rollover). A trust that reads its
 * certificates per state on first use has `prepare`, which a verification awaits before `get`.
 */
export interface WebIcaoTrust {
  get(country: string): readonly WebIcaoCsca[] | undefined;
  prepare?(country: string): Promise<void>;
}

/** Standard base64 (validated by the entry schema) as bytes, as node reads it. */
function base64Bytes(text: string): Uint8Array {
  return decodeBase64(text) ?? new Uint8Array(0);
}

async function heldCrl(
  entry: IcaoTrustEntry,
  csca: IcaoCertificate,
): Promise<Pick<WebIcaoCsca, 'crl' | 'crlProblem'>> {
  if (entry.crl === undefined) return {};
  try {
    const crl = readCrl(base64Bytes(entry.crl));
    if (!(await crlSignedBy(crl, csca.key))) throw crlNotSigned();
    return { crl: icaoCrlOf(crl) };
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return { crlProblem: error.message };
  }
}

async function prepareCsca(entry: IcaoTrustEntry): Promise<WebIcaoCsca> {
  let certificate: IcaoCertificate;
  try {
    certificate = await readIcaoCertificate(base64Bytes(entry.certificate));
  } catch (cause) {
    throw cscaNotCertificate(cause);
  }
  if (!isReadablePeriod(certificate.period)) throw cscaPeriodUnreadable();
  return { ...certificate, country: entry.country, ...(await heldCrl(entry, certificate)) };
}

/**
 * Reads the `framework: "icao"` entries of a trust list (others are skipped) as `prepareIcaoTrust`
 * from `@passage/formats` does. Throws INVALID_ARGUMENT (a CredentialError) for a malformed ICAO
 * entry or a CSCA certificate that does not parse. A CRL's age is judged when a seal is verified.
 *
 * @example
 * const trust = await createWebIcaoTrust(bundle.trustList.entries);
 */
export async function createWebIcaoTrust(
  entries: readonly unknown[],
): Promise<ReadonlyMap<string, readonly WebIcaoCsca[]>> {
  const trust = new Map<string, WebIcaoCsca[]>();
  for (const entry of entries) {
    const parsed = icaoTrustEntryOf(entry);
    if (parsed !== undefined) addCsca(trust, await prepareCsca(parsed));
  }
  return trust;
}

/**
 * The CSCAs of a trust list's ICAO entries as the verifier service takes them (`foreignTrustOf`: one
 * entry at a time, an entry that does not prepare skipped), read per issuing state when a seal first
 * names it: a master list holds hundreds of CSCAs, and the officer's page should not read them all
 * each time it loads its offline data.
 */
export function lazyWebIcaoTrust(entries: readonly unknown[]): WebIcaoTrust {
  const listed: [string, IcaoTrustEntry][] = [];
  for (const entry of entries) {
    let parsed: IcaoTrustEntry | undefined;
    try {
      parsed = icaoTrustEntryOf(entry);
    } catch {
      continue;
    }
    if (parsed !== undefined) listed.push([parsed.country, parsed]);
  }
  const cscas = readByKey(listed, prepareCsca);
  return {
    get: (country) => cscas.ready(country),
    prepare: async (country) => {
      await cscas.prepare(country);
    },
  };
}
