import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import {
  type CompletedSubject,
  type CredentialType,
  completeTravelCardInput,
  completeVaccinationInput,
  credentialSchemaPath,
  exampleTravelCardInput,
  exampleVaccinationInput,
  PASSAGE_CONTEXT_URL,
  type Parsed,
  VC_V2_CONTEXT_URL,
} from '@passage/schema';
import { isCredentialError } from '../errors.js';

const ISSUER_URL = 'http://localhost:4001';

function credential(
  type: CredentialType,
  id: string,
  issuer: string,
  completed: Parsed<CompletedSubject<object>>,
) {
  if (!completed.ok) throw new Error(`sample ${type} no longer validates`);
  const { subject, validFrom, validUntil } = completed.value;
  return {
    '@context': [VC_V2_CONTEXT_URL, PASSAGE_CONTEXT_URL],
    id,
    type: ['VerifiableCredential', type],
    issuer,
    validFrom,
    validUntil,
    credentialSchema: { id: `${ISSUER_URL}/${credentialSchemaPath(type)}`, type: 'JsonSchema' },
    credentialSubject: subject,
  };
}

/**
 * A realistic vaccination certificate (two doses, ICD-11 codings): the schema package's example
 * request, completed as the issuer completes it, in a VC Data Model 2.0 envelope. Invented person.
 */
export const SAMPLE_VACCINATION_CREDENTIAL = credential(
  'VaccinationCertificate',
  'urn:uuid:3f1c2a9e-7b4d-4e8a-9c1f-5d2b6e8a0c47',
  'did:web:localhost%3A4001:authorities:demo-moph',
  completeVaccinationInput(exampleVaccinationInput, {
    issuedAt: new Date('2024-04-02T09:30:00Z'),
    hcid: 'THA-2024-7Q4M-9X2K',
    economy: 'THA',
  }),
);

/** A realistic business travel card (four pre-clearances), made the same way. Invented person. */
export const SAMPLE_TRAVEL_CARD_CREDENTIAL = credential(
  'BusinessTravelCard',
  'urn:uuid:8a6d0f3b-1e2c-4b7a-a5d9-c04e7f1b2d93',
  'did:web:localhost%3A4001:authorities:demo-ica',
  completeTravelCardInput(exampleTravelCardInput, {
    issuedAt: new Date('2025-06-01T08:00:00Z'),
    cardNumber: 'SGP-ABTC-004217',
    economy: 'SGP',
  }),
);

/** A compact JWS and the public key that verifies it. */
export interface SignedSample {
  jws: string;
  publicKey: KeyObject;
}

/** Signs `credential` as a `vc+jwt` compact JWS with a fresh key, the way the issuer does. */
export function signSample(credential: { issuer: string }, alg: 'ES256' | 'EdDSA'): SignedSample {
  const header = { alg, kid: `${credential.issuer}#key-1`, typ: 'vc+jwt' };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(credential))}`;
  if (alg === 'ES256') {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return { jws: `${input}.${signature.toString('base64url')}`, publicKey };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signature = sign(null, Buffer.from(input), privateKey);
  return { jws: `${input}.${signature.toString('base64url')}`, publicKey };
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The `code` of the error `run` throws: `undefined` when it returns, a marker when the error is foreign. */
export function thrownCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isCredentialError(error) ? error.code : 'NOT_A_CREDENTIAL_ERROR';
  }
  return undefined;
}
