import { createPrivateKey, type JsonWebKey, sign } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  algorithmOfKey,
  ECDSA,
  encodeCoseSecured,
  encodeSdJwtCredential,
  isCredentialError,
} from '@passage/credentials';
import { checkCredentialModel, checkPresentationModel } from '@passage/schema';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, parseJson, readInput } from '../io.js';

export const signUsage =
  'passage sign --key FILE [--kid KID] [--cose | --sd-jwt [--disclose PATH]...] [CREDENTIAL.json | PRESENTATION.json | -]   (prints the vc+jwt of a VC 2.0 credential or the vp+jwt of a presentation (with --cose, its application/vc+cose or application/vp+cose, in base64), signed with a P-256, P-384, P-521 or Ed25519 private JWK)';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The private JWK and its method id in a key file: a JWK with `d`, or a method with `secretKeyJwk`/`privateKeyJwk`. */
function privateJwkOf(text: string): { jwk: JsonWebKey; id?: string } {
  const value = parseJson(text, '--key');
  if (isObject(value) && typeof value.d === 'string') return { jwk: value as JsonWebKey };
  for (const member of ['secretKeyJwk', 'privateKeyJwk'] as const) {
    if (isObject(value) && isObject(value[member])) {
      return { jwk: value[member] as JsonWebKey, ...(typeof value.id === 'string' ? { id: value.id } : {}) };
    }
  }
  throw new CliError('INPUT_INVALID', '--key holds no private JWK');
}

const isPresentation = (value: unknown) =>
  isObject(value) &&
  (Array.isArray(value.type) ? value.type : [value.type]).includes('VerifiablePresentation');

/**
 * `passage sign`: secures a VC Data Model 2.0 credential as a `vc+jwt`, or a presentation as a
 * `vp+jwt` (VC-JOSE-COSE), with a key given out of band, for holders, other systems and conformance
 * suites; authorities issue through the issuer instead. The document must meet the data model (a
 * presentation's credentials each enveloped, so secured) and carry no `vc`/`vp` claims.
 */
export async function signCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      kid: { type: 'string' },
      cose: { type: 'boolean' },
      'sd-jwt': { type: 'boolean' },
      disclose: { type: 'string', multiple: true },
    },
  });
  if (values.key === undefined || (values.cose && values['sd-jwt'])) throw new CliError('USAGE', signUsage);
  if (values.disclose !== undefined && !values['sd-jwt'])
    throw new CliError('USAGE', '--disclose needs --sd-jwt');
  const { jwk, id } = privateJwkOf(await readInput(io, values.key));
  const credential = parseJson(await readInput(io, positionals[0] ?? '-'), 'the credential');
  const presentation = isPresentation(credential);
  const what = presentation ? 'presentation' : 'credential';
  const issues = presentation ? checkPresentationModel(credential) : checkCredentialModel(credential);
  if (!isObject(credential) || issues.length > 0) {
    const paths = [...new Set(issues.map((i) => i.path || '(root)'))].join(', ');
    throw new CliError('INPUT_INVALID', `the ${what} breaks the VC Data Model 2.0 at ${paths}`);
  }
  if ('vc' in credential || 'vp' in credential || 'proof' in credential) {
    throw new CliError('INPUT_INVALID', `the ${what} must carry no vc, vp or proof member`);
  }
  const alg = algorithmOfKey(jwk.kty, jwk.crv);
  if (alg === undefined) {
    throw new CliError(
      'INPUT_INVALID',
      'only P-256 (ES256), P-384 (ES384), P-521 (ES512) and Ed25519 (EdDSA) keys sign',
    );
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new CliError('INPUT_INVALID', '--key is not a usable private key');
  }
  const kid = values.kid ?? id ?? (typeof jwk.kid === 'string' ? jwk.kid : undefined);
  const signed = (data: Uint8Array) =>
    alg === 'EdDSA' ? sign(null, data, key) : sign(ECDSA[alg].hash, data, { key, dsaEncoding: 'ieee-p1363' });
  if (values['sd-jwt']) {
    if (presentation)
      throw new CliError('USAGE', 'presentations are secured as vp+jwt or vp+cose, not SD-JWT');
    try {
      const header = { alg, ...(kid ? { kid } : {}) };
      io.stdout(`${encodeSdJwtCredential(credential, values.disclose ?? [], header, signed)}\n`);
    } catch (error) {
      if (isCredentialError(error, 'INVALID_ARGUMENT')) throw new CliError('INPUT_INVALID', error.message);
      throw error;
    }
    return EXIT.ok;
  }
  if (values.cose) {
    io.stdout(`${encodeCoseSecured(credential, presentation ? 'vp' : 'vc', alg, kid, signed)}\n`);
    return EXIT.ok;
  }
  const media = presentation ? { typ: 'vp+jwt', cty: 'vp' } : { typ: 'vc+jwt', cty: 'vc' };
  const input = `${b64({ alg, ...(kid ? { kid } : {}), ...media })}.${b64(credential)}`;
  io.stdout(`${input}.${signed(Buffer.from(input)).toString('base64url')}\n`);
  return EXIT.ok;
}
