// Test fixtures: trust entries and cases from the real vectors in test/vectors (EU DCC test cases,
// SMART Health Card examples, Australia's VDS-NC test seals), for the verifier's HTTP tests.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDevelopmentDsc,
  dccTrustEntryFor,
  issueDcc,
  issueShc,
  keyObjectSigner,
  shcPublicJwk,
} from '@passage/formats';
import {
  completeVaccinationInput,
  recentVaccinationInput,
  type VaccinationSubject,
  vaccinationRecordFromSubject,
} from '@passage/schema';

const VECTORS = fileURLToPath(new URL('../../../test/vectors/', import.meta.url));
const read = (path: string) => readFileSync(join(VECTORS, path), 'utf8');

/** One EU DCC test case, with the verdict its EXPECTEDRESULTS flags call for. */
export interface DccCase {
  name: string;
  text: string;
  certificate: string | undefined;
  /** TESTCTX.VALIDATIONCLOCK, zone added when upstream left it out (it means UTC). */
  at: string;
  verifies: boolean;
}

function expectedOf(results: Record<string, unknown>): boolean | undefined {
  // The picture flag is about decoding the PNG, which a text verifier never reads.
  const flags = Object.entries(results).filter(
    ([key, value]) => typeof value === 'boolean' && !key.endsWith('PICTUREDECODE'),
  );
  return flags.length === 0 ? undefined : flags.every(([, value]) => value === true);
}

/** Every EU DCC case that has `HC1:` text and at least one flag, from every folder of the vectors. */
export function dccCases(): DccCase[] {
  const root = join(VECTORS, 'dcc');
  const folders = readdirSync(root).filter((f) => existsSync(join(root, f, '2DCode', 'raw')));
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder, '2DCode', 'raw'))
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => {
        const raw = JSON.parse(read(join('dcc', folder, '2DCode', 'raw', file)));
        const verifies = expectedOf(raw.EXPECTEDRESULTS ?? {});
        const clock: string = raw.TESTCTX?.VALIDATIONCLOCK ?? '';
        if (typeof raw.PREFIX !== 'string' || verifies === undefined) return [];
        return [
          {
            name: `${folder}/${file}`,
            text: raw.PREFIX,
            certificate: raw.TESTCTX?.CERTIFICATE,
            at: new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(clock) ? clock : `${clock}Z`).toISOString(),
            verifies,
          },
        ];
      }),
  );
}

/** A `dcc` trust entry for a base64 DER DSC, under the kid DCC derives from it. */
export function dccEntryFor(certificate: string, country = 'XX') {
  const der = Buffer.from(certificate, 'base64');
  const kid = createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');
  return { framework: 'dcc', country, kid, certificate };
}

/** The SMART Health Card examples: issuer, trust entry, QR texts, and the clock they are valid at. */
export const SHC_ISS = 'https://spec.smarthealth.cards/examples/issuer';
const SHC_KID = '3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s';
export const SHC_AT = '2023-07-01T00:00:00Z';
export const shcEntry = {
  framework: 'shc',
  iss: SHC_ISS,
  name: 'SMART Health Cards examples',
  keys: (JSON.parse(read('shc/issuer/.well-known/jwks.json')) as { keys: unknown[] }).keys,
  crl: JSON.parse(read(`shc/issuer/.well-known/crl/${SHC_KID}.json`)),
};
/** Chunk `i` of example `n`'s QR text. */
export const shcQr = (n: string, i = 0) => read(`shc/example-${n}-f-qr-code-numeric-value-${i}.txt`).trim();

/** Australia's VDS-NC test seals and the CSCA (with its long expired CRL) they chain to. */
const aus = JSON.parse(read('icao-vds-nc/aus-apo-vdsnc-test-vectors.json')) as {
  cscaCertDerB64: string;
  crlDerB64: string;
  validVds: object;
  invalidVds: object;
};
export const icaoSeals = { valid: aus.validVds, tampered: aus.invalidVds };
export const icaoEntry = {
  framework: 'icao',
  country: 'AUS',
  certificate: aus.cscaCertDerB64,
  crl: aus.crlDerB64,
};
/** Inside the barcode signer's validity. */
export const ICAO_AT = '2022-01-01T00:00:00Z';

/**
 * An EU DCC and a SMART Health Card issued `now` for Thailand's example vaccination (doses weeks
 * before `now`, so the example entry rules are met), each signed by a fresh P-256 key, with their
 * trust entries: certificates that verify today, where the vectors above have long expired.
 */
export async function freshForeignCertificates(now: Date): Promise<{
  dcc: string;
  shc: string;
  entries: Record<string, unknown>[];
}> {
  const day = 86_400_000;
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signer = keyObjectSigner(privateKey);
  const der = await createDevelopmentDsc({
    publicKey,
    signer,
    country: 'TH',
    commonName: 'Test Ministry of Public Health',
    notBefore: new Date(now.getTime() - day),
    notAfter: new Date(now.getTime() + 730 * day),
  });
  const dccEntry = dccTrustEntryFor(der, 'TH');
  const completed = completeVaccinationInput(recentVaccinationInput(now), {
    issuedAt: new Date(now.getTime() - day),
    hcid: 'THA-FRESH-FOREIGN-1',
    economy: 'THA',
  });
  if (!completed.ok) throw new Error('the example vaccination input no longer completes');
  const record = vaccinationRecordFromSubject(completed.value.subject as VaccinationSubject);
  const dcc = await issueDcc({
    record,
    issuerName: 'Test Ministry of Public Health',
    signer,
    kid: Buffer.from(dccEntry.kid, 'base64'),
    country: 'TH',
    iat: new Date(now.getTime() - 3_600_000),
    exp: new Date(now.getTime() + 365 * day),
  });
  const jwk = shcPublicJwk(publicKey);
  const iss = 'https://health.example.go.th/shc';
  const shc = await issueShc({ record, signer, kid: jwk.kid, iss, nbf: new Date(now.getTime() - 3_600_000) });
  const shcTrust = { framework: 'shc', iss, name: 'Test Ministry of Public Health', keys: [jwk] };
  return { dcc, shc, entries: [dccEntry, shcTrust] };
}
