import { createDccTrust, type DccTrustEntry, dccKidOf, dccTrustEntrySchema } from '@passage/formats';
import { z } from 'zod';
import { TrustListError } from '../errors.js';

/** One certificate of the EU DCC gateway's trust list; members not read here are kept. */
const gatewayCertificateSchema = z.looseObject({
  certificateType: z.string(),
  country: z.string(),
  kid: z.string().optional(),
  rawData: z.string(),
});

// The gateway's download is `{"certificates": [...]}`; its older /trustList answer is the bare array.
const gatewayListSchema = z.union([
  z.looseObject({ certificates: z.array(z.unknown()).max(100_000) }),
  z.array(z.unknown()).max(100_000),
]);

/** What an import took and left out (never the certificates themselves). */
export interface ImportOutcome<E> {
  entries: E[];
  /** Entries of the source that are not usable (wrong type, bad certificate, private key…). */
  skipped: number;
}

/**
 * The document signer certificates (`certificateType: "DSC"`) of an EU DCC gateway trust list, as
 * `framework: "dcc"` trust entries. A certificate without a kid gets the one the DCC specification
 * derives (first 8 bytes of its SHA-256); CSCAs, upload and authentication certificates are left out,
 * and so is any DSC whose entry does not match the DCC trust entry schema or whose certificate a
 * verifier could not use (it does not parse, or its validity period does not).
 *
 * @throws TrustListError `INVALID_ARGUMENT` when `json` is not a gateway trust list.
 * @example
 * const { entries } = dccEntriesFromGateway(JSON.parse(await readFile('trustlist.json', 'utf8')));
 */
export function dccEntriesFromGateway(json: unknown): ImportOutcome<DccTrustEntry> {
  const parsed = gatewayListSchema.safeParse(json);
  if (!parsed.success)
    throw new TrustListError(
      'INVALID_ARGUMENT',
      'not an EU DCC gateway trust list ({"certificates": [...]})',
    );
  const certificates = Array.isArray(parsed.data) ? parsed.data : parsed.data.certificates;
  const entries: DccTrustEntry[] = [];
  let skipped = 0;
  for (const item of certificates) {
    const certificate = gatewayCertificateSchema.safeParse(item);
    if (!certificate.success || certificate.data.certificateType.toUpperCase() !== 'DSC') {
      skipped++;
      continue;
    }
    const { country, rawData } = certificate.data;
    const der = rawData.replace(/\s+/g, '');
    const entry = dccTrustEntrySchema.safeParse({
      framework: 'dcc',
      country: country.toUpperCase(),
      kid: certificate.data.kid ?? dccKidOf(Buffer.from(der, 'base64')),
      certificate: der,
    });
    // What a verifier would reject when it loads the list (a certificate that does not parse, or
    // whose validity period does not) is left out here, where the operator sees the count.
    if (entry.success && createDccTrust([entry.data]).rejected === 0) entries.push(entry.data);
    else skipped++;
  }
  return { entries, skipped };
}
