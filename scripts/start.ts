// `pnpm start`: the issuer and the verifier on embedded SQLite, with a demo authority on first start.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IssuerService, loadIssuerConfig, startIssuerServer } from '@passage/issuer';
import { exampleVaccinationInput } from '@passage/schema';
import { loadVerifierConfig, startVerifierServer } from '@passage/verifier';

const DEMO_SLUG = 'demo-moph';

interface DemoAuthority {
  slug: string;
  did: string;
  apiKey: string;
}

/** Creates the demo authority once, keeps its API key in the data folder and trusts it in the verifier. */
async function ensureDemoAuthority(
  service: IssuerService,
  dataDir: string,
  trustFile: string,
): Promise<DemoAuthority> {
  const file = join(dataDir, 'demo-authority.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoAuthority;
  const created = await service.createAuthority({
    name: 'Demo Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate', 'BusinessTravelCard'],
    slug: DEMO_SLUG,
  });
  const demo = { slug: created.authority.slug, did: created.did, apiKey: created.apiKey };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  const existing = existsSync(trustFile)
    ? (JSON.parse(readFileSync(trustFile, 'utf8')) as { entries: unknown[] })
    : { entries: [] };
  writeFileSync(
    trustFile,
    `${JSON.stringify({ entries: [...existing.entries, created.trustEntry] }, null, 2)}\n`,
  );
  return demo;
}

const issuerConfig = loadIssuerConfig();
const verifierConfig = loadVerifierConfig();
const issuer = await startIssuerServer(issuerConfig);
const demo = await ensureDemoAuthority(issuer.service, issuerConfig.dataDir, verifierConfig.trustFile);
const verifier = await startVerifierServer(verifierConfig);
const sample = await issuer.service.issue(
  await issuer.service.actAs(demo.slug),
  'VaccinationCertificate',
  exampleVaccinationInput,
);

console.log(`
Passage is running.
  issuer    ${issuer.url}    (public URL ${issuerConfig.publicUrl})
  verifier  ${verifier.url}
  demo authority  ${demo.did}
  demo API key    ${demo.apiKey}   (also in ${join(issuerConfig.dataDir, 'demo-authority.json')})
  trust file      ${verifierConfig.trustFile}

A sample vaccination certificate as QR text (${sample.qr.length} characters):

${sample.qr}

Verify it:
  curl -s ${verifier.url}/v1/verify -H 'content-type: application/json' -d '{"qr": "${sample.qr.slice(0, 12)}…"}'
  corepack pnpm passage verify '<QR text>'

Stop with Ctrl-C.`);

const stop = async () => {
  await Promise.allSettled([verifier.close(), issuer.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
