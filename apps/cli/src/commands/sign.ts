import { parseArgs } from 'node:util';
import { encodeCoseSecured } from '@passage/credentials';
import { checkCredentialModel, checkPresentationModel } from '@passage/schema';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, isJsonObject, parseJson, readInput } from '../io.js';
import { type SdJwtSigning, signSdJwt } from './sign-sd-jwt.js';
import { signingKeyOf } from './signing-key.js';

export const signUsage =
  'passage sign --key FILE [--kid KID] [--cose | --sd-jwt [--disclose PATH]... [--holder-key FILE [--nonce NONCE --aud AUD]]] [CREDENTIAL.json | PRESENTATION.json | -]   (prints the vc+jwt of a VC 2.0 credential or the vp+jwt of a presentation (with --cose, its application/vc+cose or application/vp+cose, in base64; with --sd-jwt, a vc+sd-jwt, bound to --holder-key and with its key binding JWT for --nonce and --aud), signed with a P-256, P-384, P-521 or Ed25519 private JWK)';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const isPresentation = (value: unknown) =>
  isJsonObject(value) &&
  (Array.isArray(value.type) ? value.type : [value.type]).includes('VerifiablePresentation');

/** The holder key and key binding `passage sign --sd-jwt` was asked for, once the flags agree. */
async function holderSigning(
  values: { 'holder-key'?: string | undefined; nonce?: string | undefined; aud?: string | undefined },
  io: CliIo,
): Promise<Omit<SdJwtSigning, 'disclose'>> {
  const { nonce, aud } = values;
  const path = values['holder-key'];
  if ((nonce === undefined) !== (aud === undefined) || nonce === '' || aud === '')
    throw new CliError('USAGE', 'a key binding JWT needs both --nonce and --aud');
  if (nonce !== undefined && path === undefined)
    throw new CliError('USAGE', '--nonce and --aud need --holder-key');
  if (path === undefined) return {};
  const holder = signingKeyOf(await readInput(io, path), '--holder-key');
  return { holder, ...(nonce !== undefined && aud !== undefined ? { binding: { nonce, aud } } : {}) };
}

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
      'holder-key': { type: 'string' },
      nonce: { type: 'string' },
      aud: { type: 'string' },
    },
  });
  if (values.key === undefined || (values.cose && values['sd-jwt'])) throw new CliError('USAGE', signUsage);
  const sdJwtOnly = ['disclose', 'holder-key', 'nonce', 'aud'] as const;
  const stray = sdJwtOnly.find((name) => values[name] !== undefined);
  if (stray !== undefined && !values['sd-jwt']) throw new CliError('USAGE', `--${stray} needs --sd-jwt`);
  const holder = await holderSigning(values, io);
  const signer = signingKeyOf(await readInput(io, values.key), '--key');
  const credential = parseJson(await readInput(io, positionals[0] ?? '-'), 'the credential');
  const presentation = isPresentation(credential);
  const what = presentation ? 'presentation' : 'credential';
  const issues = presentation ? checkPresentationModel(credential) : checkCredentialModel(credential);
  if (!isJsonObject(credential) || issues.length > 0) {
    const paths = [...new Set(issues.map((i) => i.path || '(root)'))].join(', ');
    throw new CliError('INPUT_INVALID', `the ${what} breaks the VC Data Model 2.0 at ${paths}`);
  }
  if ('vc' in credential || 'vp' in credential || 'proof' in credential) {
    throw new CliError('INPUT_INVALID', `the ${what} must carry no vc, vp or proof member`);
  }
  const kid = values.kid ?? signer.kid;
  const { alg } = signer;
  if (values['sd-jwt']) {
    if (presentation)
      throw new CliError('USAGE', 'presentations are secured as vp+jwt or vp+cose, not SD-JWT');
    const issuer = { ...signer, ...(kid ? { kid } : {}) };
    const signing = { disclose: values.disclose ?? [], ...holder };
    io.stdout(`${signSdJwt(credential, issuer, signing, new Date())}\n`);
    return EXIT.ok;
  }
  if (values.cose) {
    io.stdout(`${encodeCoseSecured(credential, presentation ? 'vp' : 'vc', alg, kid, signer.sign)}\n`);
    return EXIT.ok;
  }
  const media = presentation ? { typ: 'vp+jwt', cty: 'vp' } : { typ: 'vc+jwt', cty: 'vc' };
  const input = `${b64({ alg, ...(kid ? { kid } : {}), ...media })}.${b64(credential)}`;
  io.stdout(`${input}.${signer.sign(Buffer.from(input)).toString('base64url')}\n`);
  return EXIT.ok;
}
