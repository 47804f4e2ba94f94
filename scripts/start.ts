// `pnpm start`: the issuer and the verifier on embedded SQLite, with a demo authority, a demo operator
// (signed trust list and entry rules served by the issuer, pinned by the verifier) on first start, and
// the traveller's wallet page with a demo credential offer to redeem in it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PassageTrustEntry, trustEntryFor } from '@passage/credentials';
import { type IssuerService, loadIssuerConfig, startIssuerServer } from '@passage/issuer';
import { type CredentialType, recentVaccinationInput } from '@passage/schema';
import type { TrustListEntry } from '@passage/trust';
import { loadVerifierConfig, startVerifierServer } from '@passage/verifier';
import { loadWalletConfig, startWalletServer } from '@passage/wallet';
import { demoOperatorFiles, ensureDemoOperator } from './demo-operator.js';

const DEMO_SLUG = 'demo-moph';

interface DemoAuthority {
  slug: string;
  did: string;
  apiKey: string;
}

/** Creates the demo authority once and keeps its API key in the data folder. */
async function ensureDemoAuthority(service: IssuerService, dataDir: string): Promise<DemoAuthority> {
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
  return demo;
}

async function demoTrustEntry(service: IssuerService, demo: DemoAuthority): Promise<PassageTrustEntry> {
  const authority = (await service.listAuthorities()).find((a) => a.did === demo.did);
  return trustEntryFor(await service.agent.didManagerGet({ did: demo.did }), {
    name: authority?.name ?? 'Demo Ministry of Public Health',
    economy: authority?.economy ?? 'THA',
    types: (authority?.types ?? ['VaccinationCertificate']) as CredentialType[],
  });
}

/**
 * The demo authority's EU DCC signer certificate (a development DSC, generated once) and, when its
 * public URL is https, its SMART Health Card keys, as trust entries: so the demo verifies the foreign
 * certificates it issues, online and offline.
 */
async function demoForeignEntries(
  service: IssuerService,
  slug: string,
  publicUrl: string,
): Promise<TrustListEntry[]> {
  const dcc = (await service.dccTrustEntry(slug)) ?? (await service.generateDsc(slug)).trustEntry;
  const jwks = await service.shcJwks(slug);
  const iss = `${publicUrl}/authorities/${slug}`;
  // A trust entry names an SHC issuer by an https URL: a demo on plain http lists its DSC only.
  const shc: TrustListEntry[] =
    jwks && iss.startsWith('https://')
      ? [
          {
            framework: 'shc',
            iss,
            name: 'Demo Ministry of Public Health',
            keys: jwks.keys.map((k) => ({ ...k })),
          },
        ]
      : [];
  return [dcc, ...shc];
}

// The issuer answers each credential offer with a link to the wallet page that redeems it.
const walletConfig = loadWalletConfig();
const walletHost = walletConfig.host === '0.0.0.0' ? '127.0.0.1' : walletConfig.host;
process.env.PASSAGE_WALLET_URL ??= `http://${walletHost}:${walletConfig.port}/`;
const issuerConfig = loadIssuerConfig();
const issuer = await startIssuerServer(issuerConfig);
const demo = await ensureDemoAuthority(issuer.service, issuerConfig.dataDir);
const operator = demoOperatorFiles(
  issuerConfig.dataDir,
  issuerConfig.trustListFile,
  issuerConfig.entryRulesFile,
);
ensureDemoOperator(
  operator,
  await demoTrustEntry(issuer.service, demo),
  await demoForeignEntries(issuer.service, demo.slug, issuerConfig.publicUrl),
);

// The verifier pins the operator's key and follows what the issuer publishes, unless told otherwise.
process.env.PASSAGE_OPERATOR_KEY ??= operator.publicKey;
process.env.PASSAGE_TRUST_LIST_URL ??= `${issuer.url}/trust-list`;
process.env.PASSAGE_ENTRY_RULES_URL ??= `${issuer.url}/entry-rules`;
const verifierConfig = loadVerifierConfig();
const verifier = await startVerifierServer(verifierConfig);
const wallet = await startWalletServer(walletConfig);
const demoCaller = await issuer.service.actAs(demo.slug);
const sample = await issuer.service.issue(demoCaller, 'VaccinationCertificate', recentVaccinationInput());
const sampleDcc = await issuer.service.issueForeign(demoCaller, 'dcc', recentVaccinationInput());

/** A credential offer for a traveller, made over the API as an authority would, with a transaction code. */
async function demoOffer(): Promise<{ walletUrl?: string; offerUri: string; txCode?: string }> {
  const res = await fetch(`${issuer.url}/v1/credential-offers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'VaccinationCertificate', subject: recentVaccinationInput(), txCode: true }),
  });
  if (res.status !== 201) throw new Error(`the demo credential offer was refused (${res.status})`);
  return (await res.json()) as { walletUrl?: string; offerUri: string; txCode?: string };
}
const offer = await demoOffer();

console.log(`
Passage is running.
  issuer    ${issuer.url}    (public URL ${issuerConfig.publicUrl})
  verifier  ${verifier.url}    (border officer's page: ${verifier.url}/officer/?economy=THA)
  wallet    ${wallet.url}/    (the traveller's wallet)
  demo authority  ${demo.did}
  demo API key    ${demo.apiKey}   (also in ${join(issuerConfig.dataDir, 'demo-authority.json')})
  trust list      ${issuer.url}/trust-list   signed by the demo operator (${operator.publicKey})
  entry rules     ${issuer.url}/entry-rules

A sample vaccination certificate (id ${sample.id}) as QR text (${sample.qr.length} characters):

${sample.qr}

Verify it, and check it against Thailand's entry rules:
  curl -s ${verifier.url}/v1/verify -H 'content-type: application/json' -d '{"qr": "<QR text>", "economy": "THA"}'
  corepack pnpm passage verify --economy THA '<QR text>'
Revoke it:
  curl -s -X POST ${issuer.url}/v1/credentials/${sample.id}/revoke -H 'authorization: Bearer ${demo.apiKey}' -H 'content-type: application/json' -d '{"reason": "demo"}'

The same certificate as an EU Digital COVID Certificate, which the verifier and the officer's page
(also offline) check against the demo authority's DSC in the trust list:

${sampleDcc.qr}

A demo credential offer for a traveller: open this link to receive it in the wallet, and enter the
transaction code ${offer.txCode} when asked (the link works once, for 7 days):

${offer.walletUrl ?? offer.offerUri}

Stop with Ctrl-C.`);

const stop = async () => {
  await Promise.allSettled([wallet.close(), verifier.close(), issuer.close()]);
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
