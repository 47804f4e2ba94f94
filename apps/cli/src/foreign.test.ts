import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

// Real vectors (test/vectors): the EU DCC case AT/1 and the SMART Health Card examples.
const VECTORS = new URL('../../../test/vectors/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, VECTORS), 'utf8').trim();
const at1 = JSON.parse(read('dcc/AT/2DCode/raw/1.json')) as {
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string };
};
const dsc = at1.TESTCTX.CERTIFICATE;
const kid = createHash('sha256')
  .update(Buffer.from(dsc, 'base64'))
  .digest()
  .subarray(0, 8)
  .toString('base64');
const SHC_ISS = 'https://spec.smarthealth.cards/examples/issuer';
const jwks = JSON.parse(read('shc/issuer/.well-known/jwks.json')) as { keys: unknown[] };
// The issuer's key has a revocation list: without it held, no card of that key can be judged.
const crl = JSON.parse(read('shc/issuer/.well-known/crl/3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s.json'));
const shcQr = (n: string, i = 0) => read(`shc/example-${n}-f-qr-code-numeric-value-${i}.txt`);
const SHC_AT = '2023-07-01T00:00:00Z';
const aus = JSON.parse(read('icao-vds-nc/aus-apo-vdsnc-test-vectors.json')) as {
  cscaCertDerB64: string;
  crlDerB64: string;
  validVds: object;
};

const dir = mkdtempSync(join(tmpdir(), 'passage-cli-foreign-'));
const p = (name: string) => join(dir, name);
const env = { PASSAGE_DATA_DIR: dir };
writeFileSync(
  p('trust.json'),
  JSON.stringify({
    entries: [
      { framework: 'dcc', country: 'AT', kid, certificate: dsc },
      { framework: 'shc', iss: SHC_ISS, keys: jwks.keys, crl },
    ],
  }),
);

async function run(args: string[], stdin = '') {
  const { cliIo, out } = captureIo(env, stdin);
  const code = await runCli(args, cliIo);
  return { code, ...out, json: () => JSON.parse(out.stdout) };
}

describe('passage verify on other formats', () => {
  it('verifies an EU DCC as of its validation clock, and refuses it today (expired)', async () => {
    const then = await run([
      'verify',
      '--trust',
      p('trust.json'),
      '--at',
      at1.TESTCTX.VALIDATIONCLOCK,
      at1.PREFIX,
    ]);
    expect(then.code).toBe(0);
    expect(then.json()).toMatchObject({ verified: true, format: 'dcc', issuer: { country: 'AT' } });
    expect(then.json().view.holder.name).toBe(then.json().record.name);
    const today = await run(['verify', '--trust', p('trust.json'), at1.PREFIX]);
    expect(today.code).toBe(1);
    expect(today.json().checks.validity.ok).toBe(false);
  });

  it('verifies a SMART Health Card, and the chunks of a legacy one given as several arguments', async () => {
    const one = await run(['verify', '--trust', p('trust.json'), '--at', SHC_AT, shcQr('00')]);
    expect(one.code).toBe(0);
    expect(one.json()).toMatchObject({ format: 'shc', view: { holder: { name: 'John B. Anyperson' } } });
    const chunks = [shcQr('02', 1), shcQr('02', 2), shcQr('02', 0)];
    const several = await run(['verify', '--trust', p('trust.json'), '--at', SHC_AT, ...chunks]);
    expect(several.code).toBe(0);
    expect(several.json().format).toBe('shc');
  });

  it('reads the chunks one per line from standard input', async () => {
    const chunks = [shcQr('02', 0), shcQr('02', 1), shcQr('02', 2)].join('\n');
    const res = await run(['verify', '--trust', p('trust.json'), '--at', SHC_AT, '-'], chunks);
    expect(res.code).toBe(0);
  });

  it('refuses several texts that are not the chunks of one card (USAGE)', async () => {
    const res = await run(['verify', '--trust', p('trust.json'), shcQr('00'), at1.PREFIX]);
    expect(res.code).toBe(2);
  });
});

describe('passage trust-list import', () => {
  it('adds the gateway’s DSCs and the VCI issuers to a draft that, once signed, verifies their certificates', async () => {
    writeFileSync(
      p('gateway.json'),
      JSON.stringify({
        certificates: [
          { certificateType: 'DSC', country: 'AT', kid, rawData: dsc },
          { certificateType: 'UPLOAD', country: 'AT', kid, rawData: dsc },
        ],
      }),
    );
    writeFileSync(
      p('vci-issuers.json'),
      JSON.stringify({ participating_issuers: [{ iss: SHC_ISS, name: 'Examples' }] }),
    );
    writeFileSync(
      p('vci_snapshot.json'),
      JSON.stringify({ issuerInfo: [{ issuer: { iss: SHC_ISS }, keys: jwks.keys, crls: [crl] }] }),
    );
    expect((await run(['trust-list', 'init', '--out', p('list.json')])).code).toBe(0);
    const args = ['trust-list', 'import', p('list.json'), '--dcc-gateway', p('gateway.json')];
    const imported = await run([
      ...args,
      '--vci-issuers',
      p('vci-issuers.json'),
      '--vci-snapshot',
      p('vci_snapshot.json'),
    ]);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({
      dcc: { taken: 1, skipped: 1 },
      shc: { taken: 1, skipped: 0 },
      added: 2,
    });
    expect((await run(args)).json()).toMatchObject({ added: 0, replaced: 1, entries: 2 });

    const keys = ['--out-private', p('op.jwk'), '--out-public', p('op.pub.jwk')];
    expect((await run(['trust-list', 'keygen', ...keys])).code).toBe(0);
    expect((await run(['trust-list', 'sign', p('list.json'), '--key', p('op.jwk')])).code).toBe(0);
    const signed = ['--operator-key', p('op.pub.jwk'), '--trust-list', p('list.json'), '--offline'];
    const res = await run(['verify', ...signed, '--at', at1.TESTCTX.VALIDATIONCLOCK, at1.PREFIX]);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ format: 'dcc', sources: { trustList: { version: 1 } } });
  });

  it('adds a CSCA (DER) with its CRL (PEM) for VDS-NC seals', async () => {
    writeFileSync(p('csca.der'), Buffer.from(aus.cscaCertDerB64, 'base64'));
    const pem = `-----BEGIN X509 CRL-----\n${aus.crlDerB64.replace(/(.{64})/g, '$1\n')}\n-----END X509 CRL-----\n`;
    writeFileSync(p('csca.crl.pem'), pem);
    expect((await run(['trust-list', 'init', '--out', p('icao.json')])).code).toBe(0);
    const csca = ['--icao-csca', p('csca.der'), '--icao-country', 'aus', '--icao-crl', p('csca.crl.pem')];
    expect((await run(['trust-list', 'import', p('icao.json'), ...csca])).json()).toMatchObject({
      icao: { taken: 1 },
    });
    writeFileSync(
      p('icao-trust.json'),
      JSON.stringify({ entries: JSON.parse(readFileSync(p('icao.json'), 'utf8')).entries }),
    );
    const seal = JSON.stringify(aus.validVds);
    const res = await run(['verify', '--trust', p('icao-trust.json'), '--at', '2022-01-01T00:00:00Z', seal]);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ format: 'icao-vds-nc', native: { crl: { stale: true } } });
  });

  it('refuses a CSCA file a verifier could not use (INPUT_INVALID), before it reaches the list', async () => {
    writeFileSync(p('not-a-csca.der'), Buffer.from('not a certificate'));
    expect((await run(['trust-list', 'init', '--out', p('bad-icao.json')])).code).toBe(0);
    const csca = ['--icao-csca', p('not-a-csca.der'), '--icao-country', 'AUS'];
    const res = await run(['trust-list', 'import', p('bad-icao.json'), ...csca]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('the CSCA certificate is not one a verifier can use');
    expect(JSON.parse(readFileSync(p('bad-icao.json'), 'utf8')).entries).toEqual([]);
  });

  it('needs --icao-country with --icao-csca (USAGE)', async () => {
    expect((await run(['trust-list', 'import', p('list.json'), '--icao-csca', p('csca.der')])).code).toBe(2);
  });

  it('needs at least one source (USAGE)', async () => {
    expect((await run(['trust-list', 'import', p('list.json')])).code).toBe(2);
  });
});
