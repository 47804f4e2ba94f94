import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

// `passage sign --sd-jwt --holder-key` makes a bound SD-JWT (and its key binding JWT), and
// `passage verify --challenge --domain --require-key-binding` holds it to RFC 9901 §7.3.
const issuer = 'https://issuer.example/vc-jose-cose';
const issuerPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderPair = generateKeyPairSync('ed25519');
const vm = { id: `${issuer}#key-1`, type: 'JsonWebKey', controller: issuer };
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2010-01-01T19:23:24Z',
  credentialSubject: { id: 'did:example:123', name: 'Alice' },
};

/** A directory holding the issuer's method (private and public), the holder's key and the credential. */
function files() {
  const dir = mkdtempSync(join(tmpdir(), 'passage-kb-'));
  const write = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };
  return {
    dir,
    signing: write('vm.json', { ...vm, secretKeyJwk: issuerPair.privateKey.export({ format: 'jwk' }) }),
    public: write('pub.json', { ...vm, publicKeyJwk: issuerPair.publicKey.export({ format: 'jwk' }) }),
    holder: write('holder.json', holderPair.privateKey.export({ format: 'jwk' })),
    credential: write('c.json', credential),
  };
}

async function run(args: string[]) {
  const { cliIo, out } = captureIo({ PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-kb-data-')) });
  const code = await runCli(args, cliIo);
  return { code, out };
}

async function signBound(...flags: string[]): Promise<string> {
  const f = files();
  const args = ['sign', '--sd-jwt', '--disclose', 'credentialSubject.name', '--holder-key', f.holder];
  const { code, out } = await run([...args, ...flags, '--key', f.signing, f.credential]);
  expect([code, out.stderr]).toEqual([0, '']);
  return out.stdout.trim();
}

async function verify(text: string, ...flags: string[]) {
  const { code, out } = await run(['verify', '--offline', '--key', files().public, ...flags, text]);
  const report = JSON.parse(out.stdout);
  return {
    code,
    keyBinding: report.checks.keyBinding,
    codes: report.errors.map((e: { code: string }) => e.code),
  };
}

describe('passage sign --sd-jwt --holder-key', () => {
  it("binds the credential to the holder's public key, and adds a KB-JWT for --nonce and --aud", async () => {
    const unbound = await signBound();
    const payload = JSON.parse(Buffer.from(unbound.split('.')[1] ?? '', 'base64url').toString());
    expect(payload.cnf).toEqual({ jwk: holderPair.publicKey.export({ format: 'jwk' }) });
    expect(unbound.endsWith('~')).toBe(true);
    const bound = await signBound('--nonce', 'n-1', '--aud', 'https://border.example');
    const kb = JSON.parse(Buffer.from(bound.split('~').at(-1)?.split('.')[0] ?? '', 'base64url').toString());
    expect(kb).toEqual({ alg: 'EdDSA', typ: 'kb+jwt' });
  });

  it.each([
    ['--nonce without --aud', ['--sd-jwt', '--holder-key', 'h.json', '--nonce', 'n-1']],
    ['--nonce and --aud without --holder-key', ['--sd-jwt', '--nonce', 'n-1', '--aud', 'a']],
    ['--holder-key without --sd-jwt', ['--holder-key', 'h.json']],
  ])('exit 2 USAGE for %s', async (_name, flags) => {
    const f = files();
    const { code, out } = await run(['sign', ...flags, '--key', f.signing, f.credential]);
    expect([code, out.stderr]).toEqual([2, expect.stringContaining('USAGE')]);
  });
});

describe('passage verify --challenge --domain --require-key-binding', () => {
  const ask = ['--challenge', 'n-1', '--domain', 'https://border.example'];

  it('exit 0 for a KB-JWT that answers the challenge and domain', async () => {
    const bound = await signBound('--nonce', 'n-1', '--aud', 'https://border.example');
    expect(await verify(bound, ...ask)).toEqual({ code: 0, keyBinding: { ok: true }, codes: [] });
  });

  it('exit 1 CHALLENGE_MISMATCH or DOMAIN_MISMATCH for a KB-JWT made for another', async () => {
    const bound = await signBound('--nonce', 'n-0', '--aud', 'https://border.example');
    expect((await verify(bound, ...ask)).codes).toEqual(['CHALLENGE_MISMATCH']);
    expect((await verify(bound, '--domain', 'https://other.example')).codes).toEqual(['DOMAIN_MISMATCH']);
  });

  it('exit 1 KEY_BINDING_REQUIRED for an SD-JWT without a KB-JWT when asked for one', async () => {
    const unbound = await signBound();
    expect(await verify(unbound)).toEqual({ code: 0, keyBinding: undefined, codes: [] });
    for (const flags of [['--require-key-binding'], ['--challenge', 'n-1']]) {
      expect(await verify(unbound, ...flags)).toMatchObject({ code: 1, codes: ['KEY_BINDING_REQUIRED'] });
    }
  });

  it('exit 2 USAGE for an empty challenge', async () => {
    const { code, out } = await run(['verify', '--offline', '--challenge', '', 'x']);
    expect([code, out.stderr]).toEqual([2, expect.stringContaining('USAGE')]);
  });

  it('holds a presentation to --challenge, and a KB-JWT in it to the same', async () => {
    const presentationOf = async (sdJwt: string) => {
      const f = files();
      const vp = join(f.dir, 'vp.json');
      writeFileSync(
        vp,
        JSON.stringify({
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: issuer,
          nonce: 'n-1',
          verifiableCredential: [
            {
              '@context': 'https://www.w3.org/ns/credentials/v2',
              type: 'EnvelopedVerifiableCredential',
              id: `data:application/vc+sd-jwt,${sdJwt}`,
            },
          ],
        }),
      );
      const { code, out } = await run(['sign', '--key', f.signing, vp]);
      expect(code).toBe(0);
      return out.stdout.trim();
    };
    const answering = await presentationOf(
      await signBound('--nonce', 'n-1', '--aud', 'https://border.example'),
    );
    expect((await verify(answering, '--challenge', 'n-1')).code).toBe(0);
    // Neither the presentation's nonce nor the credential's KB-JWT answers n-2.
    expect((await verify(answering, '--challenge', 'n-2')).codes).toEqual([
      'CHALLENGE_MISMATCH',
      'CHALLENGE_MISMATCH',
    ]);
    const unbound = await presentationOf(await signBound());
    expect((await verify(unbound, '--challenge', 'n-1')).code).toBe(0);
    expect(await verify(unbound, '--challenge', 'n-1', '--require-key-binding')).toMatchObject({
      code: 1,
      codes: ['KEY_BINDING_REQUIRED'],
    });
  });
});
