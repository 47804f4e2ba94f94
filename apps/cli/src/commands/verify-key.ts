import type { JsonWebKey } from 'node:crypto';
import {
  createTrustStore,
  decodePresentation,
  decodeVerifiableInput,
  looksLikePresentation,
  methodIdOf,
  type TrustStore,
} from '@passage/credentials';
import { CREDENTIAL_TYPES, UNSPECIFIED_ECONOMY } from '@passage/schema';
import { CliError } from '../errors.js';
import { isJsonObject, parseJson } from '../io.js';

type Json = Record<string, unknown>;

/**
 * The public JWK in a `--key` file: a JWK itself, a verification method (`publicKeyJwk`), or a
 * controlled identifier / DID document whose verification methods hold one (the one named `kid`
 * when there are several, else the first).
 */
export function publicJwkOf(text: string, kid: string | undefined): JsonWebKey {
  const value = parseJson(text, '--key');
  if (isJsonObject(value) && typeof value.kty === 'string') return value as JsonWebKey;
  if (isJsonObject(value) && isJsonObject(value.publicKeyJwk)) return value.publicKeyJwk as JsonWebKey;
  const methods =
    isJsonObject(value) && Array.isArray(value.verificationMethod) ? value.verificationMethod : [];
  const withKeys = methods.filter((m): m is Json => isJsonObject(m) && isJsonObject(m.publicKeyJwk));
  const named = withKeys.find((m) => kid !== undefined && (m.id === kid || String(m.id).endsWith(`#${kid}`)));
  const method = named ?? withKeys[0];
  if (!method) throw new CliError('INPUT_INVALID', '--key holds no public JWK');
  return method.publicKeyJwk as JsonWebKey;
}

/** The decoded JWS (or COSE message) inside what `passage verify` was given, when it is one at all. */
function decodedOf(input: unknown): { header: Json; payload: Json } | undefined {
  try {
    return looksLikePresentation(input)
      ? decodePresentation(input).decoded
      : decodeVerifiableInput(input).decoded;
  } catch {
    return undefined;
  }
}

/**
 * A trust store holding one key, given out of band (`--key`), for the issuer the credential names
 * (the holder, for a presentation): the key is the trust anchor, as a conformance suite hands a
 * verifier its key. Undefined when the input is not a JWS whose signer can be read (the verifier then
 * reports why).
 */
export function trustForKey(input: unknown, keyText: string): TrustStore | undefined {
  const decoded = decodedOf(input);
  if (decoded === undefined) return undefined;
  const { header, payload } = decoded;
  const issuerValue = payload.issuer ?? payload.holder ?? payload.iss;
  const issuer =
    typeof issuerValue === 'string' ? issuerValue : isJsonObject(issuerValue) ? issuerValue.id : undefined;
  if (typeof issuer !== 'string') return undefined;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const publicKeyJwk = publicJwkOf(keyText, kid);
  try {
    return storeFor(issuer, kid, publicKeyJwk);
  } catch {
    throw new CliError('INPUT_INVALID', '--key is not a P-256, P-384, P-521 or Ed25519 public key');
  }
}

function storeFor(issuer: string, kid: string | undefined, publicKeyJwk: JsonWebKey): TrustStore {
  return createTrustStore({
    entries: [
      {
        framework: 'passage',
        did: issuer,
        name: 'the key given with --key',
        economy: UNSPECIFIED_ECONOMY,
        types: [...CREDENTIAL_TYPES],
        keys: [{ kid: String(methodIdOf(issuer, kid ?? '#key')), publicKeyJwk: publicKeyJwk as never }],
      },
    ],
  });
}
