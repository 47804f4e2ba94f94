// The steps of Passage's verify and issue paths timed one by one with the harness of `pnpm bench`,
// on the same certificates, in µs per call: the budget table behind "Where the time goes".
// Run: corepack pnpm exec tsx --conditions=@passage/source scripts/bench/breakdown.ts [--quick]
import { sign, verify } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  decodeCompactJws,
  decodeQrText,
  encodeQrText,
  issueCredential,
  verifyCredentialDetailed,
} from '@passage/credentials';
import { entryRulesInputOf, evaluateEntryRules, exampleRuleSet } from '@passage/rules';
import {
  parseSubject,
  parseSubjectCompiled,
  summarizeSubject,
  vaccinationRecordFromSubject,
} from '@passage/schema';
import { createBenchAuthority } from './authority.js';
import type { RatedCase } from './case.js';
import { issueQrs } from './cases-passage.js';
import { NOW, seededStatusCache, statusListsOf, trustStoreOf, vaccinationCredential } from './credentials.js';
import { measureAll } from './measure.js';

const quick = process.argv.includes('--quick');
const a = await createBenchAuthority('ES256');
const lists = statusListsOf();
const trust = trustStoreOf([a], 1);
const statusLists = await seededStatusCache(a, [lists], trust);
const [qr = ''] = await issueQrs(a, lists, 1);
const jws = decodeQrText(qr);
const decoded = decodeCompactJws(jws);
const { report, schema } = verifyCredentialDetailed(qr, { trust, now: NOW, status: statusLists });
const typed = schema?.subject;
// The officer path adds the canonical record to the report; the rules read it.
const input =
  typed?.type === 'VaccinationCertificate'
    ? entryRulesInputOf({ ...report, record: vaccinationRecordFromSubject(typed.subject) })
    : undefined;
const credential = decoded.payload;
const subject = report.credential?.credentialSubject;
if (!report.verified || !typed || !input) throw new Error('breakdown: the sample does not verify');
const signingInput = Buffer.from(decoded.signingInput, 'ascii');
const payloadJson = Buffer.from(jws.split('.')[1] ?? '', 'base64url');
const deflated = deflateRawSync(payloadJson, { level: 9, memLevel: 9 });
const header = Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8');
const key = { key: a.privateKey, dsaEncoding: 'ieee-p1363' as const };

const steps: RatedCase[] = [
  {
    key: 'sign',
    label: 'node:crypto sign ES256 (the issue floor)',
    op: () => sign('sha256', signingInput, key),
  },
  {
    key: 'verify',
    label: 'node:crypto verify ES256 (the verify floor)',
    op: () =>
      verify('sha256', signingInput, { key: a.publicKey, dsaEncoding: 'ieee-p1363' }, decoded.signature),
  },
  { key: 'decodeQrText', label: 'decodeQrText (base45, inflate, JWS text)', op: () => decodeQrText(qr) },
  {
    key: 'inflate',
    label: `inflateRawSync of ${deflated.length} bytes (no dictionary)`,
    op: () => inflateRawSync(deflated),
  },
  { key: 'decodeJws', label: 'decodeCompactJws (base64url, JSON.parse)', op: () => decodeCompactJws(jws) },
  {
    key: 'parseSubject',
    label: 'parseSubject (zod, vaccination subject)',
    op: () => parseSubject('VaccinationCertificate', subject, { issuedAt: NOW }),
  },
  {
    key: 'parseSubjectCompiled',
    label: 'parseSubjectCompiled (the compiled check verify uses, same subject)',
    op: () => parseSubjectCompiled('VaccinationCertificate', subject, { issuedAt: NOW }),
  },
  {
    key: 'rules',
    label: "evaluateEntryRules (Thailand's example rules)",
    op: () =>
      evaluateEntryRules(exampleRuleSet, {
        ...input,
        economy: 'THA',
        arrivalDate: NOW.toISOString(),
        now: NOW,
      }),
  },
  {
    key: 'view',
    label: 'summarizeSubject + vaccinationRecordFromSubject',
    op: () =>
      typed.type === 'VaccinationCertificate'
        ? [summarizeSubject(typed), vaccinationRecordFromSubject(typed.subject)]
        : summarizeSubject(typed),
  },
  {
    key: 'bare',
    label: 'verifyCredentialDetailed (all of the above but rules and view)',
    op: () => verifyCredentialDetailed(qr, { trust, now: NOW, status: statusLists }),
  },
  { key: 'encodeQr', label: 'encodeQrText (split, deflate, base45)', op: () => encodeQrText(jws) },
  {
    key: 'deflate',
    label: `deflateRawSync of ${payloadJson.length} bytes, level 9`,
    op: () => deflateRawSync(payloadJson, { level: 9, memLevel: 9 }),
  },
  {
    key: 'issueCredential',
    label: 'issueCredential (Veramo agent → node:crypto KMS)',
    async: true,
    op: () => issueCredential(a.agent, { credential: { ...vaccinationCredential(a, lists) } }),
  },
  {
    key: 'directSign',
    label: 'direct compact JWS: JSON, base64url, sign with the cached key (sketch)',
    op: () => {
      const body = Buffer.from(JSON.stringify({ ...credential, jti: 'x' })).toString('base64url');
      const input = `${Buffer.from(header).toString('base64url')}.${body}`;
      return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
    },
  },
];

const measured = await measureAll(
  steps,
  quick ? { warmupMs: 100, measureMs: 500, batches: 5 } : { warmupMs: 300, measureMs: 1500, batches: 11 },
);
console.log('| step | µs per call (median round) | calls/s |');
console.log('| --- | ---: | ---: |');
for (const m of measured)
  console.log(
    `| ${m.label} | ${(1e6 / m.opsPerSec).toFixed(1)} | ${Math.round(m.opsPerSec).toLocaleString('en-US')} |`,
  );
