// Child process of `pnpm bench:http`: the issuer (SQLite in a temporary folder) and the verifier,
// as `pnpm start` runs them: a demo authority, an operator key that signs the trust list naming it
// and the example entry rules, the verifier pinned to that key. Tells the parent, over IPC, where
// they listen, the API key and a sample QR; runs until killed. Logs go to the file the parent gave.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { trustEntryFor } from '@passage/credentials';
import {
  type IssuerService,
  loadIssuerConfig,
  openIssuer,
  startIssuerCluster,
  startIssuerServer,
} from '@passage/issuer';
import { exampleRuleSet, signRuleSet } from '@passage/rules';
import { recentVaccinationInput } from '@passage/schema';
import { addIssuer, createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import { loadVerifierConfig, startVerifierCluster, startVerifierServer } from '@passage/verifier';

/** What the child tells the parent once both servers listen. */
export interface HttpServers {
  issuerUrl: string;
  verifierUrl: string;
  /** Verifier processes (node:cluster workers; 1: in the same process as the issuer). */
  verifierWorkers: number;
  /** Issuer processes (1: in this process). */
  issuerWorkers: number;
  apiKey: string;
  /** QR texts of certificates the issuer made, for the verifier's load to go round. */
  qrs: string[];
  /** The body `POST /v1/vaccination-certificates` takes. */
  vaccination: unknown;
  /** A bare node:http server in this process answering every request with a real verify answer. */
  floorUrl: string;
}

const POOL = 32;

/**
 * The issuer as its server.ts runs it: in this process, or with PASSAGE_ISSUER_WORKERS above 1 as a
 * cluster of that many processes on the same SQLite file, this process keeping a service of its own
 * on that file for the set-up (authority, sample credentials).
 */
async function startIssuer(): Promise<{ url: string; service: IssuerService; close(): Promise<void> }> {
  const config = loadIssuerConfig(issuerEnv);
  if (config.workers <= 1) return startIssuerServer(config);
  const running = await startIssuerCluster(issuerEnv);
  const opened = await openIssuer(config);
  return {
    url: running.url,
    service: opened.service,
    close: async () => {
      await running.close();
      await opened.close();
    },
  };
}
const [dataDir = '', issuerPort = '', verifierPort = '', workers = '', issuerWorkers = ''] =
  process.argv.slice(2);

const publicUrl = `http://127.0.0.1:${issuerPort}`;
const issuerEnv = {
  PASSAGE_DATA_DIR: dataDir,
  PASSAGE_ISSUER_PORT: issuerPort,
  PASSAGE_PUBLIC_URL: publicUrl,
  PASSAGE_SECRET: randomBytes(32).toString('base64url'),
  ...(issuerWorkers ? { PASSAGE_ISSUER_WORKERS: issuerWorkers } : {}),
};
const issuer = await startIssuer();
const created = await issuer.service.createAuthority({
  name: 'Benchmark Ministry of Public Health',
  economy: 'THA',
  types: ['VaccinationCertificate'],
  slug: 'bench-moph',
});
const entry = trustEntryFor(await issuer.service.agent.didManagerGet({ did: created.did }), {
  name: 'Benchmark Ministry of Public Health',
  economy: 'THA',
  types: ['VaccinationCertificate'],
});

const { privateJwk, publicJwk } = generateOperatorKey();
const files = {
  operatorKey: join(dataDir, 'operator.pub.jwk.json'),
  trustList: join(dataDir, 'trust-list.json'),
  entryRules: join(dataDir, 'entry-rules.json'),
};
writeFileSync(files.operatorKey, JSON.stringify(publicJwk));
const list = addIssuer(createTrustList('Benchmark operator'), entry);
writeFileSync(files.trustList, JSON.stringify(signTrustList(list, privateJwk, { validDays: 1 })));
writeFileSync(files.entryRules, JSON.stringify(signRuleSet(exampleRuleSet, privateJwk)));

// The verifier as its server.ts runs it: one process per core (node:cluster) unless told otherwise;
// with one worker it runs in this process, where `--profile` can reach it.
const verifierConfig = loadVerifierConfig({
  PASSAGE_DATA_DIR: dataDir,
  PASSAGE_VERIFIER_PORT: verifierPort,
  PASSAGE_OPERATOR_KEY: files.operatorKey,
  PASSAGE_TRUST_LIST_FILE: files.trustList,
  PASSAGE_ENTRY_RULES_FILE: files.entryRules,
  ...(workers ? { PASSAGE_WORKERS: workers } : {}),
});
const verifier =
  verifierConfig.workers > 1
    ? await startVerifierCluster(verifierConfig)
    : await startVerifierServer(verifierConfig);
const vaccination = recentVaccinationInput();
const caller = await issuer.service.actAs(created.authority.slug);
const qrs: string[] = [];
for (let i = 0; i < POOL; i++) {
  qrs.push((await issuer.service.issue(caller, 'VaccinationCertificate', vaccination)).qr);
}
// The HTTP floor: plain node:http in one process, reading the request and answering the bytes of a
// real verify answer (same size, same headers), with no work in between: what HTTP and the loopback
// cost on this machine under the same load generator, before any verification.
const sample = await fetch(`${verifier.url}/v1/verify`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ qr: qrs[0], economy: 'THA' }),
});
const sampleAnswer = Buffer.from(await sample.arrayBuffer());
const floor = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', sampleAnswer.length);
    res.end(sampleAnswer);
  });
});
await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
const ready: HttpServers = {
  issuerUrl: issuer.url,
  verifierUrl: verifier.url,
  verifierWorkers: verifierConfig.workers,
  issuerWorkers: loadIssuerConfig(issuerEnv).workers,
  apiKey: created.apiKey,
  qrs,
  vaccination,
  floorUrl: `http://127.0.0.1:${(floor.address() as AddressInfo).port}/floor`,
};
process.send?.(ready);

// `--profile`: the parent asks for a CPU profile of each load window only, not of the set-up.
const session = new Session();
process.on('message', (message: { profile?: 'start' | 'stop'; file?: string }) => {
  void (async () => {
    if (message.profile === 'start') {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    } else if (message.profile === 'stop' && message.file) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      writeFileSync(message.file, JSON.stringify(profile));
    }
    process.send?.({ profiled: message.profile });
  })();
});
const shutdown = () => {
  floor.close();
  void Promise.allSettled([verifier.close(), issuer.close()]).then(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
// The parent gone (a stalled attempt killed by scripts/bench/supervise.mjs): no servers are left behind.
process.once('disconnect', shutdown);
