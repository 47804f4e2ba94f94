import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addIssuer, createTrustList, removeIssuer, setIssuerStatus, signTrustList } from './edit.js';
import { generateOperatorKey } from './operator-key.js';
import { verifySignedDocument } from './signed-document.js';
import {
  parseTrustList,
  parseTrustListDraft,
  passageEntriesOf,
  trustListJsonSchema,
  trustStoreFromList,
} from './trust-list.js';
import { TRUST_LIST_TYP } from './trust-list-schema.js';

const { privateJwk, publicJwk } = generateOperatorKey('EdDSA');
const now = new Date('2026-06-01T00:00:00Z');
const entryFor = (did: string, name = 'Authority') => ({
  framework: 'passage' as const,
  did,
  name,
  economy: 'THA',
  types: ['VaccinationCertificate' as const],
});
const a = 'did:web:a.example';
const b = 'did:web:b.example';
const base = addIssuer(addIssuer(createTrustList('Operator', now), entryFor(a)), entryFor(b));
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('editing a trust list', () => {
  it('addIssuer replaces the entry of the same DID in place', () => {
    const list = addIssuer(base, entryFor(a, 'Renamed'));
    expect(passageEntriesOf(list).map((e) => [e.did, e.name])).toEqual([
      [a, 'Renamed'],
      [b, 'Authority'],
    ]);
  });

  it('addIssuer refuses an entry of the wrong shape', () => {
    expect(codeOf(() => addIssuer(base, { ...entryFor(a), economy: 'thailand' }))).toBe('INVALID_ARGUMENT');
  });

  it('removeIssuer removes, and says when the DID is not listed', () => {
    expect(passageEntriesOf(removeIssuer(base, a)).map((e) => e.did)).toEqual([b]);
    expect(codeOf(() => removeIssuer(base, 'did:web:c.example'))).toBe('ISSUER_NOT_LISTED');
  });

  it('setIssuerStatus appends to the history', () => {
    const suspended = setIssuerStatus(base, a, 'suspended', new Date('2026-06-02T00:00:00Z'));
    const reinstated = setIssuerStatus(suspended, a, 'active', new Date('2026-06-03T00:00:00Z'));
    expect(reinstated.entries[0]).toMatchObject({
      status: 'active',
      statusHistory: [
        { status: 'suspended', since: '2026-06-02T00:00:00.000Z' },
        { status: 'active', since: '2026-06-03T00:00:00.000Z' },
      ],
    });
  });

  it('setIssuerStatus keeps termination final and history in order', () => {
    const terminated = setIssuerStatus(base, a, 'terminated', now);
    expect(codeOf(() => setIssuerStatus(terminated, a, 'active', now))).toBe('INVALID_ARGUMENT');
    const suspended = setIssuerStatus(base, b, 'suspended', now);
    expect(codeOf(() => setIssuerStatus(suspended, b, 'active', new Date('2026-01-01T00:00:00Z')))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('setIssuerStatus records a status that predates the history as always held', () => {
    const old = addIssuer(base, { ...entryFor(a), status: 'suspended' });
    const lifted = setIssuerStatus(old, a, 'active', now);
    expect(passageEntriesOf(lifted)[0]?.statusHistory?.[0]).toEqual({
      status: 'suspended',
      since: '1970-01-01T00:00:00.000Z',
    });
  });

  it('editing a signed list drops its proof', () => {
    const signed = signTrustList(base, privateJwk, { now });
    expect('proof' in removeIssuer(signed, a)).toBe(false);
  });
});

describe('signing a trust list', () => {
  it('bumps the version and sets issuedAt and validUntil', () => {
    const v1 = signTrustList(base, privateJwk, { now, validDays: 7 });
    const v2 = signTrustList(v1, privateJwk, { now });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1.issuedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(v1.validUntil).toBe('2026-06-08T00:00:00.000Z');
    expect(verifySignedDocument(v2, publicJwk, { typ: TRUST_LIST_TYP }).ok).toBe(true);
  });

  it('refuses a nonsensical validity', () => {
    expect(codeOf(() => signTrustList(base, privateJwk, { validDays: 0 }))).toBe('INVALID_ARGUMENT');
  });

  it('round-trips through JSON text', () => {
    const signed = signTrustList(base, privateJwk, { now });
    expect(parseTrustList(JSON.parse(JSON.stringify(signed))).entries).toHaveLength(2);
  });
});

describe('trust list schema', () => {
  it('refuses two entries with the same DID', () => {
    const doubled = { ...base, entries: [...base.entries, base.entries[0]] };
    expect(codeOf(() => parseTrustListDraft(doubled))).toBe('TRUST_LIST_INVALID');
  });

  it('refuses a signed list without proof', () => {
    expect(codeOf(() => parseTrustList(base))).toBe('TRUST_LIST_INVALID');
  });

  it('publishes a JSON Schema generated from zod', () => {
    expect(trustListJsonSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: expect.arrayContaining(['type', 'version', 'validUntil', 'entries', 'proof']),
    });
    expect(JSON.stringify(trustListJsonSchema)).toContain('"terminated"');
  });
});

describe('trustStoreFromList', () => {
  it("gives a TrustStore of the list's entries, with their status", () => {
    const store = trustStoreFromList(setIssuerStatus(base, b, 'suspended', now));
    expect(store.size).toBe(2);
    expect(store.findIssuer(b)?.status).toBe('suspended');
    expect(store.findIssuer('did:web:c.example')).toBeUndefined();
  });
});

describe('the published JSON Schema file', () => {
  it('is the one generated from the zod schema (regenerate with `passage trust-list schema`)', () => {
    const file = new URL('../schema/trust-list.schema.json', import.meta.url);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(trustListJsonSchema);
  });
});
