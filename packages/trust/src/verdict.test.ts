import {
  buildCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  issueCredential,
  trustEntryFor,
  verifyCredential,
} from '@passage/credentials';
import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkTrustListAcceptable } from './accept.js';
import { addIssuer, createTrustList, setIssuerStatus, signTrustList } from './edit.js';
import { generateOperatorKey } from './operator-key.js';
import { trustStoreFromList } from './trust-list.js';
import type { TrustListDraft } from './trust-list-schema.js';

// From the operator's list to the officer's verdict: the list that verifies is the one that decides.
const operator = generateOperatorKey();
const issuedAt = new Date('2026-01-15T10:00:00Z');
const now = new Date('2026-02-01T00:00:00Z');
let jws: string;
let draft: TrustListDraft;
let did: string;

beforeAll(async () => {
  const { agent } = createPassageAgent(createMemoryStores());
  const identifier = await createAuthorityDid(agent, { publicUrl: 'https://health.example', slug: 'moph' });
  did = identifier.did;
  const facts = {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate' as const],
  };
  draft = addIssuer(createTrustList('Operator', now), trustEntryFor(identifier, facts));
  const done = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt,
    hcid: 'HCID-1',
    economy: 'THA',
  });
  if (!done.ok) throw new Error('example must complete');
  const credential = buildCredential({ type: 'VaccinationCertificate', issuer: did, ...done.value });
  jws = await issueCredential(agent, { credential: { ...credential }, format: 'vc+jwt' });
});

function verdictUnder(list: TrustListDraft) {
  const signed = signTrustList(list, operator.privateJwk, { now });
  const accepted = checkTrustListAcceptable(JSON.parse(JSON.stringify(signed)), undefined, {
    now,
    operatorKey: operator.publicJwk,
  });
  return verifyCredential(jws, { trust: trustStoreFromList(accepted), now });
}

describe('a signed trust list drives the verdict', () => {
  it('verifies a credential of an issuer the list names', () => {
    expect(verdictUnder(draft).errors).toEqual([]);
  });

  it('ISSUER_NOT_TRUSTED once the issuer is removed', () => {
    const report = verdictUnder({ ...draft, entries: [] });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
  });

  it('ISSUER_SUSPENDED when the list says the issuer was suspended at issuance', () => {
    const report = verdictUnder(setIssuerStatus(draft, did, 'suspended', new Date('2026-01-01T00:00:00Z')));
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_SUSPENDED' });
  });

  it('keeps a credential issued before a later termination', () => {
    expect(
      verdictUnder(setIssuerStatus(draft, did, 'terminated', new Date('2026-01-20T00:00:00Z'))).errors,
    ).toEqual([]);
  });
});
