import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

const did = 'did:web:health.example:authorities:moph';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { cliIo, out } = captureIo(env);
  const code = await runCli(args, cliIo);
  return { code, ...out };
}

/** A working folder with an operator key pair, an issuer key and an empty list. */
async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'passage-trust-list-'));
  const p = (name: string) => join(dir, name);
  expect(
    (await run(['trust-list', 'keygen', '--out-private', p('op.jwk'), '--out-public', p('op.pub.jwk')])).code,
  ).toBe(0);
  expect(
    (await run(['trust-list', 'keygen', '--out-private', p('is.jwk'), '--out-public', p('issuer.pub.jwk')]))
      .code,
  ).toBe(0);
  expect((await run(['trust-list', 'init', '--out', p('list.json'), '--name', 'Test operator'])).code).toBe(
    0,
  );
  const add = [
    'trust-list',
    'add-issuer',
    p('list.json'),
    '--did',
    did,
    '--name',
    'MoPH',
    '--economy',
    'tha',
  ];
  expect((await run([...add, '--types', 'VaccinationCertificate', '--jwk', p('issuer.pub.jwk')])).code).toBe(
    0,
  );
  return { dir, p };
}

const verify = (p: (n: string) => string, file: string, ...extra: string[]) =>
  run(['trust-list', 'verify', p(file), '--key', p('op.pub.jwk'), ...extra]);

describe('passage trust-list', () => {
  it('keygen writes the private key 0600 and never overwrites', async () => {
    const { p } = await setup();
    expect(statSync(p('op.jwk')).mode & 0o777).toBe(0o600);
    const again = await run([
      'trust-list',
      'keygen',
      '--out-private',
      p('op.jwk'),
      '--out-public',
      p('x.jwk'),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('INPUT_INVALID');
  });

  it('signs a list that verifies, bumping the version at each signature', async () => {
    const { p } = await setup();
    const signed = await run([
      'trust-list',
      'sign',
      p('list.json'),
      '--key',
      p('op.jwk'),
      '--valid-days',
      '7',
    ]);
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ version: 1, entries: 1 });
    expect((await run(['trust-list', 'sign', p('list.json'), '--key', p('op.jwk')])).code).toBe(0);
    const verified = await verify(p, 'list.json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ verified: true, version: 2 });
  });

  it('set-status records the change, show tells it', async () => {
    const { p } = await setup();
    const set = ['trust-list', 'set-status', p('list.json'), '--did', did, '--status', 'suspended'];
    expect((await run([...set, '--since', '2026-03-01T00:00:00Z'])).code).toBe(0);
    const shown = await run(['trust-list', 'show', p('list.json')]);
    expect(shown.stdout).toContain('SUSPENDED since 2026-03-01T00:00:00.000Z');
    expect(shown.stdout).toContain('not signed');
    expect(shown.stdout).toContain('keys: #key-1');
  });

  it('verify refuses a list with one changed byte in an entry (exit 1)', async () => {
    const { p } = await setup();
    await run(['trust-list', 'sign', p('list.json'), '--key', p('op.jwk')]);
    writeFileSync(p('tampered.json'), readFileSync(p('list.json'), 'utf8').replace('"MoPH"', '"MoPI"'));
    const result = await verify(p, 'tampered.json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      verified: false,
      code: 'TRUST_LIST_SIGNATURE_INVALID',
    });
  });

  it('verify refuses a list signed by another key than the pinned one', async () => {
    const { p } = await setup();
    await run(['trust-list', 'sign', p('list.json'), '--key', p('is.jwk')]);
    expect(JSON.parse((await verify(p, 'list.json')).stdout).code).toBe('TRUST_LIST_SIGNATURE_INVALID');
  });

  it('verify --previous refuses a rolled-back version', async () => {
    const { p } = await setup();
    await run(['trust-list', 'sign', p('list.json'), '--key', p('op.jwk'), '--out', p('v1.json')]);
    await run(['trust-list', 'sign', p('v1.json'), '--key', p('op.jwk'), '--out', p('v2.json')]);
    expect((await verify(p, 'v2.json', '--previous', p('v1.json'))).code).toBe(0);
    const rolled = await verify(p, 'v1.json', '--previous', p('v2.json'));
    expect(JSON.parse(rolled.stdout).code).toBe('TRUST_LIST_ROLLBACK');
  });

  it('verify refuses an expired list', async () => {
    const { p } = await setup();
    await run(['trust-list', 'sign', p('list.json'), '--key', p('op.jwk'), '--valid-days', '1']);
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect(JSON.parse((await verify(p, 'list.json', '--at', later)).stdout).code).toBe('TRUST_LIST_EXPIRED');
  });

  it('add-issuer takes keys from a DID document, remove-issuer removes', async () => {
    const { p } = await setup();
    const jwk = JSON.parse(readFileSync(p('issuer.pub.jwk'), 'utf8'));
    const other = 'did:web:ica.example';
    const document = {
      id: other,
      verificationMethod: [{ id: `${other}#key-7`, publicKeyJwk: jwk }],
      assertionMethod: ['#key-7'],
    };
    writeFileSync(p('did.json'), JSON.stringify(document));
    const add = [
      'trust-list',
      'add-issuer',
      p('list.json'),
      '--did',
      other,
      '--name',
      'ICA',
      '--economy',
      'SGP',
    ];
    expect(
      (await run([...add, '--types', 'BusinessTravelCard', '--keys-from-did-document', p('did.json')])).code,
    ).toBe(0);
    expect((await run(['trust-list', 'show', p('list.json')])).stdout).toContain('keys: #key-7');
    expect((await run(['trust-list', 'remove-issuer', p('list.json'), '--did', other])).code).toBe(0);
    const again = await run(['trust-list', 'remove-issuer', p('list.json'), '--did', other]);
    expect(again.stderr).toContain('ISSUER_NOT_LISTED');
  });

  it('add-issuer --from-issuer-db takes the demo authority from the issuer database', async () => {
    const { dir, p } = await setup();
    const env = { PASSAGE_DATA_DIR: dir, PASSAGE_SECRET: 'a-test-secret-of-at-least-32-characters' };
    const created = await run(
      ['authority', 'create', '--name', 'ICA', '--economy', 'SGP', '--types', 'BusinessTravelCard'],
      env,
    );
    expect(created.code).toBe(0);
    const { trustEntry } = JSON.parse(created.stdout);
    expect((await run(['trust-list', 'add-issuer', p('list.json'), '--from-issuer-db'], env)).code).toBe(0);
    const list = JSON.parse(readFileSync(p('list.json'), 'utf8'));
    expect(list.entries[1]).toMatchObject({ did: trustEntry.did, economy: 'SGP', keys: trustEntry.keys });
  });

  it('exit 2 with USAGE for an unknown status', async () => {
    const { p } = await setup();
    const result = await run([
      'trust-list',
      'set-status',
      p('list.json'),
      '--did',
      did,
      '--status',
      'paused',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('USAGE');
  });
});
