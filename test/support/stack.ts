// A whole Passage on loopback for end-to-end tests: a demo authority made with the real CLI, an
// operator that signs a trust list (listing that authority) and the example entry rules, the issuer
// publishing them and the verifier pinning the operator key.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT, runPassage } from './processes.js';

/** The environment and identity of a stack set up by {@link prepareStack}; nothing runs yet. */
export interface Stack {
  dataDir: string;
  file: (name: string) => string;
  issuerUrl: string;
  verifierUrl: string;
  issuerEnv: NodeJS.ProcessEnv;
  verifierEnv: NodeJS.ProcessEnv;
  /** The authority's DID and its API key. */
  did: string;
  apiKey: string;
}

/** Runs `passage` with `env` and fails with its stderr unless it exits with `expectStatus`. */
export async function cli(args: string[], env: NodeJS.ProcessEnv, expectStatus = 0) {
  const r = await runPassage(args, env);
  if (r.status !== expectStatus) throw new Error(`passage ${args[0]} exited ${r.status}: ${r.stderr}`);
  return r;
}

/**
 * Makes a data folder, ports, the Thai ministry (`moph`, vaccination certificates), the operator's
 * keys, a signed trust list listing the ministry and the signed example entry rules, all with the CLI.
 * Status lists live `statusTtlMs` (1 s by default) so a revocation shows quickly.
 */
export async function prepareStack(name: string, options: { statusTtlMs?: number } = {}): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), `passage-${name}-`));
  const file = (f: string) => join(dataDir, f);
  const [issuerPort, verifierPort] = [await freePort(), await freePort()];
  const issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const verifierUrl = `http://127.0.0.1:${verifierPort}`;
  const common = { PASSAGE_DATA_DIR: dataDir, PASSAGE_LOG_LEVEL: 'warn' };
  const issuerEnv = {
    ...common,
    PASSAGE_SECRET: 'e2e-secret-that-is-long-enough-for-hkdf',
    PASSAGE_ISSUER_PORT: String(issuerPort),
    PASSAGE_PUBLIC_URL: issuerUrl,
    PASSAGE_STATUS_TTL_MS: String(options.statusTtlMs ?? 1000),
    PASSAGE_TRUST_LIST_FILE: file('trust-list.json'),
    PASSAGE_ENTRY_RULES_FILE: file('entry-rules.json'),
  };
  const verifierEnv = {
    ...common,
    PASSAGE_VERIFIER_PORT: String(verifierPort),
    PASSAGE_OPERATOR_KEY: file('operator.pub.jwk.json'),
    PASSAGE_TRUST_LIST_URL: `${issuerUrl}/trust-list`,
    PASSAGE_ENTRY_RULES_URL: `${issuerUrl}/entry-rules`,
  };
  const authority = [
    ...['authority', 'create', '--name', 'Ministry of Public Health', '--economy', 'THA'],
    ...['--types', 'VaccinationCertificate', '--slug', 'moph'],
  ];
  const { did, apiKey } = JSON.parse((await cli(authority, issuerEnv)).stdout) as {
    did: string;
    apiKey: string;
  };
  const operatorKey = file('operator.jwk.json');
  const trustList = file('trust-list.json');
  await cli(
    ['trust-list', 'keygen', '--out-private', operatorKey, '--out-public', file('operator.pub.jwk.json')],
    issuerEnv,
  );
  await cli(['trust-list', 'init', '--out', trustList, '--name', 'E2E operator'], issuerEnv);
  await cli(['trust-list', 'add-issuer', trustList, '--from-issuer-db', 'moph'], issuerEnv);
  await cli(['trust-list', 'sign', trustList, '--key', operatorKey], issuerEnv);
  const rules = join(ROOT, 'packages/rules/examples/entry-rules.json');
  await cli(['rules', 'sign', rules, '--key', operatorKey, '--out', file('entry-rules.json')], issuerEnv);
  return { dataDir, file, issuerUrl, verifierUrl, issuerEnv, verifierEnv, did, apiKey };
}
