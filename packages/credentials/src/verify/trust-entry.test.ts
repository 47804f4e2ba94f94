import { generateKeyPairSync } from 'node:crypto';
import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPassageAgent } from '../agent.js';
import { createAuthorityDid } from '../did/create.js';
import { buildCredential } from '../issue/credential.js';
import { issueCredential } from '../issue/issue.js';
import { createMemoryStores } from '../keys/stores.js';
import type { PassageTrustEntry } from '../trust/trust-file.js';
import { createTrustStore, trustEntryFor } from '../trust/trust-store.js';
import { verifyCredential } from './verify.js';

// A trust entry's keys, status history and validity window, seen through the whole verification.
const issuedAt = new Date('2025-01-15T10:00:00Z');
const now = new Date('2025-06-01T00:00:00Z');
let entry: PassageTrustEntry;
let jws: string;

beforeAll(async () => {
  const { agent } = createPassageAgent(createMemoryStores());
  const identifier = await createAuthorityDid(agent, { publicUrl: 'http://127.0.0.1:4001', slug: 'moh-th' });
  entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  const done = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt,
    hcid: 'HCID-1',
    economy: 'THA',
  });
  if (!done.ok) throw new Error('example must complete');
  const credential = buildCredential({
    type: 'VaccinationCertificate',
    issuer: identifier.did,
    ...done.value,
  });
  jws = await issueCredential(agent, { credential: { ...credential }, format: 'vc+jwt' });
});

const verifyWith = (changed: Partial<PassageTrustEntry>) =>
  verifyCredential(jws, { trust: createTrustStore({ entries: [{ ...entry, ...changed }] }), now });

describe('trust entry through verification', () => {
  it('verifies with the entry as the authority printed it', () => {
    expect(verifyWith({}).errors).toEqual([]);
  });

  it('KEY_NOT_FOUND when the entry lists only another key of the issuer', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    const keys = [
      { kid: `${entry.did}#key-2`, publicKeyJwk: other as PassageTrustEntry['keys'][number]['publicKeyJwk'] },
    ];
    const report = verifyWith({ keys });
    expect(report.verified).toBe(false);
    expect(report.checks.signature).toMatchObject({ ok: false, code: 'KEY_NOT_FOUND' });
  });

  it('ISSUER_SUSPENDED when issued during a suspension that was lifted later', () => {
    const report = verifyWith({
      status: 'active',
      statusHistory: [
        { status: 'suspended', since: '2025-01-01T00:00:00Z' },
        { status: 'active', since: '2025-02-01T00:00:00Z' },
      ],
    });
    expect(report.verified).toBe(false);
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_SUSPENDED' });
  });

  it('still verifies a credential issued before the issuer was terminated', () => {
    const report = verifyWith({
      status: 'terminated',
      statusHistory: [{ status: 'terminated', since: '2025-03-01T00:00:00Z' }],
    });
    expect(report.errors).toEqual([]);
  });

  it('ISSUER_TERMINATED when issued after termination', () => {
    const report = verifyWith({
      status: 'terminated',
      statusHistory: [{ status: 'terminated', since: '2025-01-01T00:00:00Z' }],
    });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_TERMINATED' });
  });

  it("ISSUER_NOT_VALID when issued before the entry's validity window", () => {
    const report = verifyWith({ validFrom: '2025-02-01T00:00:00Z' });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_VALID' });
  });
});
