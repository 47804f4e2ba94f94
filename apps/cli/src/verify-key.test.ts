import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

// `passage verify --key`: a credential checked against one key handed over out of band, as the
// VC-JOSE-COSE test suite hands an implementation a credential and its issuer's verification method.
const issuer = 'https://issuer.example/vc-jose-cose';
const kid = 'key-thumbprint-1';
const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function vcJwt(privateKey: ReturnType<typeof pair>['privateKey'], extra: Record<string, unknown> = {}) {
  const input = `${b64({ alg: 'ES256', kid, typ: 'vc+jwt', cty: 'vc' })}.${b64({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: 'http://university.example/credentials/1872',
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer,
    iss: issuer,
    iat: '2010-01-01T19:23:24Z',
    validFrom: '2010-01-01T19:23:24Z',
    credentialSubject: { id: 'did:example:123', degree: { type: 'BachelorDegree', name: 'BSc' } },
    ...extra,
  })}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

function run() {
  const dir = mkdtempSync(join(tmpdir(), 'passage-key-'));
  const { cliIo, out } = captureIo({ PASSAGE_DATA_DIR: dir });
  return { dir, cliIo, out };
}

describe('passage verify --key', () => {
  const { privateKey, publicKey } = pair();
  const jwk = publicKey.export({ format: 'jwk' });
  const method = { id: `${issuer}#${kid}`, type: 'JsonWebKey', controller: issuer, publicKeyJwk: jwk };

  it.each([
    ['a JWK', jwk],
    ['a verification method', method],
    ['a controlled identifier document', { id: issuer, verificationMethod: [method] }],
  ])('verifies a vc+jwt from a non-DID issuer against %s (exit 0)', async (_name, key) => {
    const { dir, cliIo, out } = run();
    const keyFile = join(dir, 'key.json');
    writeFileSync(keyFile, JSON.stringify(key));
    expect(await runCli(['verify', '--offline', '--key', keyFile, vcJwt(privateKey)], cliIo)).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.verified).toBe(true);
    expect(report.issuer.did).toBe(issuer);
  });

  it.each([
    ['another key', () => vcJwt(pair().privateKey), 'SIGNATURE_INVALID'],
    ['vc and vp claims', () => vcJwt(privateKey, { vc: 'oops', vp: 'nooo' }), 'DECODING_FAILED'],
  ])('exit 1 for a credential signed with %s', async (_name, make, code) => {
    const { dir, cliIo, out } = run();
    const keyFile = join(dir, 'key.json');
    writeFileSync(keyFile, JSON.stringify(method));
    expect(await runCli(['verify', '--offline', '--key', keyFile, make()], cliIo)).toBe(1);
    expect(JSON.parse(out.stdout).errors.map((e: { code: string }) => e.code)).toContain(code);
  });

  it('exit 2 with INPUT_INVALID for a key file that holds no usable public key', async () => {
    const { dir, cliIo, out } = run();
    const keyFile = join(dir, 'key.json');
    writeFileSync(keyFile, JSON.stringify({ verificationMethod: [{ id: 'x' }] }));
    expect(await runCli(['verify', '--offline', '--key', keyFile, vcJwt(privateKey)], cliIo)).toBe(2);
    expect(out.stderr).toContain('INPUT_INVALID');
  });
});

describe('passage sign', () => {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2010-01-01T19:23:24Z',
    credentialSubject: { id: 'did:example:123' },
  };

  it.each([
    ['P-256', 'ES256'],
    ['P-384', 'ES384'],
    ['P-521', 'ES512'],
    ['Ed25519', 'EdDSA'],
  ] as const)('signs with a %s key (%s) that passage verify --key then accepts', async (curve, alg) => {
    const { privateKey, publicKey } =
      curve === 'Ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: curve });
    const { dir, cliIo, out } = run();
    const keyFile = join(dir, 'vm.json');
    const id = `${issuer}#key-1`;
    writeFileSync(
      keyFile,
      JSON.stringify({
        id,
        type: 'JsonWebKey',
        controller: issuer,
        publicKeyJwk: publicKey.export({ format: 'jwk' }),
        secretKeyJwk: privateKey.export({ format: 'jwk' }),
      }),
    );
    const input = join(dir, 'credential.json');
    writeFileSync(input, JSON.stringify(credential));
    expect(await runCli(['sign', '--key', keyFile, input], cliIo)).toBe(0);
    const jws = out.stdout.trim();
    const header = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString());
    expect(header).toMatchObject({ kid: id, typ: 'vc+jwt', alg });
    const checked = run();
    expect(await runCli(['verify', '--offline', '--key', keyFile, jws], checked.cliIo)).toBe(0);
  });

  it.each(['P-256', 'Ed25519'] as const)(
    'with --cose secures the credential as application/vc+cose, which verify --key accepts (%s)',
    async (curve) => {
      const { privateKey, publicKey } =
        curve === 'Ed25519'
          ? generateKeyPairSync('ed25519')
          : generateKeyPairSync('ec', { namedCurve: curve });
      const { dir, cliIo, out } = run();
      const keyFile = join(dir, 'vm.json');
      const vm = { id: `${issuer}#key-1`, type: 'JsonWebKey', controller: issuer };
      writeFileSync(keyFile, JSON.stringify({ ...vm, secretKeyJwk: privateKey.export({ format: 'jwk' }) }));
      writeFileSync(join(dir, 'credential.json'), JSON.stringify(credential));
      expect(await runCli(['sign', '--cose', '--key', keyFile, join(dir, 'credential.json')], cliIo)).toBe(0);
      const cose = out.stdout.trim();
      expect(cose.startsWith('0oR')).toBe(true);
      const publicFile = join(dir, 'public.json');
      writeFileSync(publicFile, JSON.stringify({ ...vm, publicKeyJwk: publicKey.export({ format: 'jwk' }) }));
      const checked = run();
      expect(await runCli(['verify', '--offline', '--key', publicFile, cose], checked.cliIo)).toBe(0);
      expect(JSON.parse(checked.out.stdout)).toMatchObject({ verified: true, securing: 'vc+cose' });
    },
  );

  it('with --sd-jwt --disclose makes a vc+sd-jwt whose disclosures the holder may leave out', async () => {
    const { privateKey, publicKey } = pair();
    const { dir, cliIo, out } = run();
    const vm = { id: `${issuer}#key-1`, type: 'JsonWebKey', controller: issuer };
    writeFileSync(
      join(dir, 'vm.json'),
      JSON.stringify({ ...vm, secretKeyJwk: privateKey.export({ format: 'jwk' }) }),
    );
    const subject = { id: 'did:example:123', name: 'Alice', phones: ['1', '2'] };
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...credential, credentialSubject: subject }));
    const args = [
      'sign',
      '--sd-jwt',
      '--disclose',
      'credentialSubject.name',
      '--disclose',
      'credentialSubject.phones[1]',
    ];
    expect(await runCli([...args, '--key', join(dir, 'vm.json'), join(dir, 'c.json')], cliIo)).toBe(0);
    const sdJwt = out.stdout.trim();
    expect(sdJwt.split('~')).toHaveLength(4);
    writeFileSync(
      join(dir, 'pub.json'),
      JSON.stringify({ ...vm, publicKeyJwk: publicKey.export({ format: 'jwk' }) }),
    );
    const shown = run();
    const withoutName = sdJwt
      .split('~')
      .filter((part) => !Buffer.from(part, 'base64url').toString().includes('"name"'))
      .join('~');
    expect(
      await runCli(['verify', '--offline', '--key', join(dir, 'pub.json'), withoutName], shown.cliIo),
    ).toBe(0);
    const report = JSON.parse(shown.out.stdout);
    expect([report.securing, report.credential.credentialSubject]).toEqual([
      'vc+sd-jwt',
      { id: 'did:example:123', phones: ['1', '2'] },
    ]);
    const bad = run();
    expect(
      await runCli(
        [
          ...args.slice(0, 2),
          '--disclose',
          'credentialSubject.nothing',
          '--key',
          join(dir, 'vm.json'),
          join(dir, 'c.json'),
        ],
        bad.cliIo,
      ),
    ).toBe(2);
    expect(bad.out.stderr).toContain('INPUT_INVALID');
  });

  it.each([
    ['a credential that breaks the data model', { ...credential, credentialSubject: {} }],
    ['a vc member', { ...credential, vc: {} }],
  ])('exit 2 with INPUT_INVALID for %s', async (_name, value) => {
    const { privateKey } = pair();
    const { dir, cliIo, out } = run();
    const keyFile = join(dir, 'key.json');
    writeFileSync(keyFile, JSON.stringify(privateKey.export({ format: 'jwk' })));
    const input = join(dir, 'credential.json');
    writeFileSync(input, JSON.stringify(value));
    expect(await runCli(['sign', '--key', keyFile, input], cliIo)).toBe(2);
    expect(out.stderr).toContain('INPUT_INVALID');
  });
});

// VC-JOSE-COSE presentations: `passage sign` secures one as a vp+jwt, `passage verify --key` checks the
// holder's signature with the key given and each enveloped credential it carries.
describe('passage sign and verify a presentation (vp+jwt)', () => {
  const holder = 'https://holder.example/vc-jose-cose';
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const vm = {
    id: `${holder}#key-1`,
    type: 'JsonWebKey',
    controller: holder,
    publicKeyJwk: publicKey.export({ format: 'jwk' }),
    secretKeyJwk: privateKey.export({ format: 'jwk' }),
  };
  const selfIssued = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: holder,
    validFrom: '2010-01-01T19:23:24Z',
    credentialSubject: { id: 'did:example:123', name: 'Alice' },
  };
  const presentationOf = (verifiableCredential: unknown[]) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder,
    verifiableCredential,
  });

  async function sign(
    document: unknown,
    ...flags: string[]
  ): Promise<{ code: number; text: string; stderr: string }> {
    const { dir, cliIo, out } = run();
    writeFileSync(join(dir, 'vm.json'), JSON.stringify(vm));
    writeFileSync(join(dir, 'doc.json'), JSON.stringify(document));
    const code = await runCli(
      ['sign', ...flags, '--key', join(dir, 'vm.json'), join(dir, 'doc.json')],
      cliIo,
    );
    return { code, text: out.stdout.trim(), stderr: out.stderr };
  }

  async function verify(text: string): Promise<{ code: number; report: Record<string, unknown> }> {
    const { dir, cliIo, out } = run();
    writeFileSync(join(dir, 'vm.json'), JSON.stringify({ ...vm, secretKeyJwk: undefined }));
    const code = await runCli(['verify', '--offline', '--key', join(dir, 'vm.json'), text], cliIo);
    return { code, report: JSON.parse(out.stdout) };
  }

  it('signs a presentation as a vp+jwt that verify --key accepts, its credential checked too', async () => {
    const credential = await sign(selfIssued);
    const enveloped = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${credential.text}`,
    };
    const presentation = await sign(presentationOf([enveloped]));
    expect(presentation.code).toBe(0);
    const header = JSON.parse(Buffer.from(presentation.text.split('.')[0] ?? '', 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES384', typ: 'vp+jwt', cty: 'vp', kid: vm.id });
    const { code, report } = await verify(presentation.text);
    expect([code, report.verified, report.holder]).toEqual([0, true, holder]);
    expect((report.credentials as Array<{ verified: boolean }>).map((c) => c.verified)).toEqual([true]);
    const asDataUrl = await verify(`data:application/vp+jwt,${presentation.text}`);
    expect(asDataUrl.code).toBe(0);
  });

  it('with --cose secures the presentation and its credential as application/vp+cose and vc+cose', async () => {
    const credential = await sign(selfIssued, '--cose');
    const enveloped = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+cose;base64,${credential.text}`,
    };
    const presentation = await sign(presentationOf([enveloped]), '--cose');
    expect(presentation.code).toBe(0);
    const { code, report } = await verify(presentation.text);
    expect([code, report.verified, report.securing]).toEqual([0, true, 'vp+cose']);
    expect((report.credentials as Array<{ securing: string }>).map((c) => c.securing)).toEqual(['vc+cose']);
  });

  it('exit 1 for a presentation whose credential is not enveloped or does not verify', async () => {
    const presentation = await sign(presentationOf([]));
    const bad = presentation.text.replace(/\.[^.]+\./, (payload) => {
      const value = JSON.parse(Buffer.from(payload.slice(1, -1), 'base64url').toString());
      value.verifiableCredential = [
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: 'not-a-credential',
        },
      ];
      return `.${Buffer.from(JSON.stringify(value)).toString('base64url')}.`;
    });
    const { code, report } = await verify(bad);
    expect(code).toBe(1);
    expect((report.errors as Array<{ code: string }>).map((e) => e.code)).toEqual(
      expect.arrayContaining(['SIGNATURE_INVALID', 'SCHEMA_INVALID']),
    );
  });

  it('exit 2 with INPUT_INVALID when asked to sign a presentation of an unsecured credential', async () => {
    const signed = await sign(presentationOf([selfIssued]));
    expect(signed.code).toBe(2);
    expect(signed.stderr).toContain('INPUT_INVALID');
  });
});
