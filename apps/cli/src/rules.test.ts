import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleRuleSet } from '@passage/rules';
import { exampleTravelCardInput } from '@passage/schema';
import { generateOperatorKey } from '@passage/trust';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'passage-rules-'));
const operator = generateOperatorKey();
const privateKey = join(dir, 'operator.jwk.json');
const publicKey = join(dir, 'operator.pub.jwk.json');
const draft = join(dir, 'rules.json');
const signedFile = join(dir, 'rules.signed.json');
writeFileSync(privateKey, JSON.stringify(operator.privateJwk));
writeFileSync(publicKey, JSON.stringify(operator.publicJwk));
writeFileSync(draft, JSON.stringify(exampleRuleSet));

async function signDraft(): Promise<void> {
  const signed = captureIo();
  expect(await runCli(['rules', 'sign', draft, '--key', privateKey, '--out', signedFile], signed.cliIo)).toBe(
    0,
  );
}

describe('passage rules', () => {
  it('sign bumps the version, and verify accepts the signed set with the public key', async () => {
    await signDraft();
    expect(JSON.parse(readFileSync(signedFile, 'utf8')).version).toBe(exampleRuleSet.version + 1);
    const verified = captureIo();
    expect(await runCli(['rules', 'verify', signedFile, '--key', publicKey], verified.cliIo)).toBe(0);
    expect(JSON.parse(verified.out.stdout)).toMatchObject({ verified: true, rules: 4 });
  });

  it('verify exits 1 with RULES_SIGNATURE_INVALID for a tampered set', async () => {
    await signDraft();
    const doc = JSON.parse(readFileSync(signedFile, 'utf8'));
    doc.rules[0].validFrom = '2020-01-01T00:00:00Z';
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(doc));
    const verified = captureIo();
    expect(await runCli(['rules', 'verify', tampered, '--key', publicKey], verified.cliIo)).toBe(1);
    expect(JSON.parse(verified.out.stdout).code).toBe('RULES_SIGNATURE_INVALID');
  });

  it('verify exits 1 for a set signed by another key', async () => {
    await signDraft();
    const other = join(dir, 'other.pub.jwk.json');
    writeFileSync(other, JSON.stringify(generateOperatorKey().publicJwk));
    const verified = captureIo();
    expect(await runCli(['rules', 'verify', signedFile, '--key', other], verified.cliIo)).toBe(1);
  });

  it('sign exits 2 with RULES_INVALID for bad logic', async () => {
    const bad = join(dir, 'bad.json');
    const [first] = exampleRuleSet.rules;
    writeFileSync(bad, JSON.stringify({ ...exampleRuleSet, rules: [{ ...first, logic: { or: [true] } }] }));
    const signed = captureIo();
    expect(await runCli(['rules', 'sign', bad, '--key', privateKey], signed.cliIo)).toBe(2);
    expect(signed.out.stderr).toContain('RULES_INVALID');
  });

  it('sign without --key is a usage error', async () => {
    const signed = captureIo();
    expect(await runCli(['rules', 'sign', draft], signed.cliIo)).toBe(2);
    expect(signed.out.stderr).toContain('USAGE');
  });

  it('show lists each rule with its economy, window and description', async () => {
    const shown = captureIo();
    expect(await runCli(['rules', 'show', draft], shown.cliIo)).toBe(0);
    expect(shown.out.stdout).toContain(
      'THA VaccinationCertificate THA-VAC-0001 1.1.0 (from 2030-01-01T00:00:00Z)',
    );
    expect(shown.out.stdout).toContain('not signed');
  });

  it('check judges a travel card: granted for Thailand passes, expired at arrival fails, Canada has no rules', async () => {
    await signDraft();
    const env = { PASSAGE_DATA_DIR: dir, PASSAGE_SECRET: 'a-test-secret-of-at-least-32-characters' };
    const created = captureIo(env);
    const authority = [
      'authority',
      'create',
      '--name',
      'ICA',
      '--economy',
      'SGP',
      '--types',
      'BusinessTravelCard',
    ];
    expect(await runCli(authority, created.cliIo)).toBe(0);
    const trustFile = join(dir, 'trust.json');
    writeFileSync(trustFile, JSON.stringify({ entries: [JSON.parse(created.out.stdout).trustEntry] }));
    const issued = captureIo(env, JSON.stringify(exampleTravelCardInput));
    expect(await runCli(['issue', 'travel-card', '--data', '-'], issued.cliIo)).toBe(0);
    const { qr } = JSON.parse(issued.out.stdout);
    const args = ['rules', 'check', signedFile, '--key', publicKey, '--trust', trustFile, '--credential', qr];
    async function check(economy: string, arrival: string) {
      const run = captureIo(env);
      expect(await runCli([...args, '--economy', economy, '--arrival', arrival], run.cliIo)).not.toBe(2);
      return JSON.parse(run.out.stdout).entryRules.outcome;
    }
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(await check('THA', nextWeek)).toBe('pass');
    expect(await check('THA', '2031-06-01')).toBe('fail'); // the card ends with the passport, May 2031
    expect(await check('CAN', nextWeek)).toBe('no-rules');
  });
});
