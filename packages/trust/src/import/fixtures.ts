// Test fixtures built from test/vectors: an EU DCC case's DSC and the SMART Health Card example issuer.
import { readFileSync } from 'node:fs';

const VECTORS = new URL('../../../../test/vectors/', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, VECTORS), 'utf8'));

/** The signer certificate (base64 DER) of the EU DCC test case AT/1 (a vaccination). */
export const AT_DSC = (json('dcc/AT/2DCode/raw/1.json') as { TESTCTX: { CERTIFICATE: string } }).TESTCTX
  .CERTIFICATE;

/** The SMART Health Card examples' issuer (spec.smarthealth.cards) and its JWKS and CRL. */
export const SHC_ISS = 'https://spec.smarthealth.cards/examples/issuer';
export const SHC_KID = '3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s';
export const SHC_JWKS = json('shc/issuer/.well-known/jwks.json') as { keys: Record<string, unknown>[] };
export const SHC_CRL = json(`shc/issuer/.well-known/crl/${SHC_KID}.json`);
/** Example 00's QR text, valid on 2023-07-01. */
export const SHC_QR_00 = readFileSync(
  new URL('shc/example-00-f-qr-code-numeric-value-0.txt', VECTORS),
  'utf8',
).trim();

/** A gateway trust list in the EU DCC gateway's download shape: one good DSC, one with a bad kid, one CSCA. */
export function gatewayList(): unknown {
  return {
    certificates: [
      // No kid: the importer derives the DCC one (first 8 bytes of the certificate's SHA-256).
      { certificateType: 'DSC', country: 'AT', rawData: AT_DSC, thumbprint: 'x' },
      { certificateType: 'DSC', country: 'AT', kid: 'not a kid', rawData: AT_DSC },
      { certificateType: 'CSCA', country: 'AT', kid: 'AAAAAAAAAAA=', rawData: AT_DSC },
    ],
  };
}

/** `vci-issuers.json` and `vci_snapshot.json` naming the example issuer (and an alias and a keyless issuer). */
export function vciDirectory(): { issuers: unknown; snapshot: unknown } {
  return {
    issuers: {
      participating_issuers: [
        { iss: SHC_ISS, name: 'SMART examples' },
        { iss: 'https://alias.example/issuer', name: 'Alias', canonical_iss: SHC_ISS },
        { iss: 'https://keyless.example/issuer', name: 'Keyless' },
      ],
    },
    snapshot: {
      directory: 'https://spec.smarthealth.cards/examples/vci-issuers.json',
      time: '2023-07-01T00:00:00Z',
      issuerInfo: [
        { issuer: { iss: SHC_ISS, name: 'SMART examples' }, keys: SHC_JWKS.keys, crls: [SHC_CRL] },
        { issuer: { iss: 'https://keyless.example/issuer' }, keys: [] },
      ],
    },
  };
}
