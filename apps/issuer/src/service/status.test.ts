import { afterEach, describe, expect, it } from 'vitest';
import { isIssuerError } from '../errors.js';
import { normalizeCredentialId } from './status.js';
import { type StatusTestIssuer, statusEntriesOf, statusTestIssuer, vaccination } from './status-test-kit.js';

let issuer: StatusTestIssuer | undefined;
afterEach(async () => {
  await issuer?.database.close();
  issuer = undefined;
});

const codeOf = (error: unknown) => (isIssuerError(error) ? error.code : String(error));

describe('index allocation through the service', () => {
  it('many parallel issuances never share an index, and a full generation rolls over', async () => {
    issuer = await statusTestIssuer(16);
    const { service, caller } = issuer;
    const issued = await Promise.all(
      Array.from({ length: 40 }, () => service.issue(caller, 'VaccinationCertificate', vaccination)),
    );
    const slots = issued.map((c) => {
      const [revocation, suspension] = statusEntriesOf(c.jws);
      expect(revocation?.statusPurpose).toBe('revocation');
      expect(suspension?.statusPurpose).toBe('suspension');
      expect(revocation?.statusListIndex).toBe(suspension?.statusListIndex);
      return `${revocation?.statusListCredential} ${revocation?.statusListIndex}`;
    });
    expect(new Set(slots).size).toBe(40);
    const lists = await service.statusLists();
    expect(lists.filter((l) => l.purpose === 'revocation').map((l) => l.generation)).toEqual([0, 1, 2]);
  });

  it('a concurrent retry with one Idempotency-Key keeps a single index', async () => {
    issuer = await statusTestIssuer(64);
    const { service, caller, database } = issuer;
    const options = { idempotencyKey: 'same' };
    const [a, b] = await Promise.all([
      service.issue(caller, 'VaccinationCertificate', vaccination, options),
      service.issue(caller, 'VaccinationCertificate', vaccination, options),
    ]);
    expect(a.id).toBe(b.id);
    const rows = await database.db.selectFrom('credential_status').select('credential_id').execute();
    expect(rows.map((r) => r.credential_id)).toEqual([a.id]);
  });

  it('CREDENTIAL_EXISTS for a VC-API credential reusing an id, without taking an index', async () => {
    issuer = await statusTestIssuer(64);
    const { service, caller, database } = issuer;
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:0b7c1f0e-5a52-4a43-9a43-3f0f4b0e9d11',
      type: ['VerifiableCredential'],
      credentialSubject: { id: 'did:example:123' },
    };
    await service.issueGeneric(caller, { credential });
    const again = await service.issueGeneric(caller, { credential }).catch((e: unknown) => e);
    expect(codeOf(again)).toBe('CREDENTIAL_EXISTS');
    expect(await database.db.selectFrom('credential_status').selectAll().execute()).toHaveLength(1);
  });

  it('SCHEMA_INVALID for a VC-API credential bringing its own credentialStatus', async () => {
    issuer = await statusTestIssuer(64);
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      credentialSubject: { id: 'did:example:123' },
      credentialStatus: { type: 'BitstringStatusListEntry' },
    };
    const error = await issuer.service.issueGeneric(issuer.caller, { credential }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('SCHEMA_INVALID');
  });
});

describe('status changes through the service', () => {
  it('the operator acts as the credential issuer and its changes are audited as operator', async () => {
    issuer = await statusTestIssuer(64);
    const { service, caller } = issuer;
    const { id } = await service.issue(caller, 'VaccinationCertificate', vaccination);
    const operator = await service.actAsIssuerOf(id);
    expect((await service.changeStatus(operator, id, 'suspend', { reason: 'checking' })).status).toBe(
      'suspended',
    );
    const [entry] = await service.auditLog(caller, id);
    expect(entry).toMatchObject({ actor: 'operator', action: 'suspend', reason: 'checking' });
  });

  it('NOT_FOUND when the operator names a credential nobody issued', async () => {
    issuer = await statusTestIssuer(64);
    const error = await issuer.service.actAsIssuerOf('urn:uuid:nope').catch((e: unknown) => e);
    expect(codeOf(error)).toBe('NOT_FOUND');
  });

  it('MALFORMED_INPUT for a reason over 500 characters', async () => {
    issuer = await statusTestIssuer(64);
    const { service, caller } = issuer;
    const { id } = await service.issue(caller, 'VaccinationCertificate', vaccination);
    const error = await service
      .changeStatus(caller, id, 'revoke', { reason: 'x'.repeat(501) })
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe('MALFORMED_INPUT');
    expect((await service.credentialStatus(caller, id)).status).toBe('active');
  });

  it('takes a bare UUID for a urn:uuid id', () => {
    expect(normalizeCredentialId('0B7C1F0E-5A52-4A43-9A43-3F0F4B0E9D11')).toBe(
      'urn:uuid:0b7c1f0e-5a52-4a43-9a43-3f0f4b0e9d11',
    );
    expect(normalizeCredentialId('https://example.org/c/1')).toBe('https://example.org/c/1');
  });
});
