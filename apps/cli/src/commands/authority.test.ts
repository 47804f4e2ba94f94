import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDccTrust,
  createDevelopmentDsc,
  keyObjectSigner,
  verifyDcc,
  verifyShc,
} from '@passage/formats';
import { exampleVaccinationInput } from '@passage/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { captureIo } from '../test-io.js';

// `passage authority dsc` and `passage issue vaccination --format dcc|shc` on the issuer's database.
const dir = mkdtempSync(join(tmpdir(), 'passage-cli-dsc-'));
const env = {
  PASSAGE_DATA_DIR: dir,
  PASSAGE_SECRET: 'a-test-secret-of-at-least-32-characters',
  PASSAGE_PUBLIC_URL: 'https://issuer.example',
};

async function run(args: string[], stdin = '') {
  const { cliIo, out } = captureIo(env, stdin);
  const code = await runCli(args, cliIo);
  return { code, ...out };
}

const issue = (format: string) =>
  run(
    ['issue', 'vaccination', '--authority', 'moph', '--format', format, '--data', '-'],
    JSON.stringify(exampleVaccinationInput),
  );

beforeAll(async () => {
  const base = ['authority', 'create', '--economy', 'THA', '--types', 'VaccinationCertificate'];
  expect((await run([...base, '--name', 'MOPH', '--slug', 'moph'])).code).toBe(0);
  expect((await run([...base, '--name', 'Ed', '--slug', 'ed', '--key-type', 'Ed25519'])).code).toBe(0);
});

describe('passage authority dsc and issue --format dcc|shc', () => {
  it('generates a development DSC whose trust entry verifies the DCC issued next', async () => {
    const generated = await run(['authority', 'dsc', 'generate', '--authority', 'moph', '--days', '365']);
    expect(generated.code).toBe(0);
    const view = JSON.parse(generated.stdout);
    expect(view).toMatchObject({ authority: 'moph', country: 'TH', origin: 'generated' });
    const issued = await issue('dcc');
    expect(issued.code).toBe(0);
    const out = JSON.parse(issued.stdout);
    expect(out).toMatchObject({ format: 'dcc', statusList: false });
    const report = verifyDcc(out.qr, { trust: createDccTrust([view.trustEntry]).trust });
    expect(report.errors).toEqual([]);
  });

  it('issues a SMART Health Card under the authority iss', async () => {
    const issued = await issue('shc');
    expect(issued.code).toBe(0);
    const { qr } = JSON.parse(issued.stdout);
    expect(qr).toMatch(/^shc:\/\d+$/);
    const report = verifyShc(qr, { trust: [] });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
  });

  it('refuses to import a certificate for another key (exit 2, DSC_INVALID)', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = await createDevelopmentDsc({
      publicKey: other.publicKey,
      signer: keyObjectSigner(other.privateKey),
      country: 'TH',
      commonName: 'Impostor',
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 86_400_000),
    });
    const file = join(dir, 'other.pem');
    writeFileSync(
      file,
      `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`,
    );
    const res = await run(['authority', 'dsc', 'import', '--authority', 'moph', '--certificate', file]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('DSC_INVALID');
  });

  it('refuses DCC and SHC for an Ed25519 authority (KEY_TYPE_UNSUPPORTED)', async () => {
    const res = await run(
      ['issue', 'vaccination', '--authority', 'ed', '--format', 'shc', '--data', '-'],
      JSON.stringify(exampleVaccinationInput),
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('KEY_TYPE_UNSUPPORTED');
  });

  it('refuses --format dcc for a travel card (usage)', async () => {
    const res = await run(['issue', 'travel-card', '--format', 'dcc', '--data', '-'], '{}');
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('vaccination certificates only');
  });
});
