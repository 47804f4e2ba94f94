// Test fixtures: a Passage vaccination certificate (the schema's example) signed by a fresh authority,
// and the trust entry that names that authority, for the verifier's tests.
import {
  buildCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  issueCredential,
  type PassageTrustEntry,
  trustEntryFor,
} from '@passage/credentials';
import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';

/** The example vaccination certificate issued at `issuedAt` as a `vc+jwt`, and its issuer's trust entry. */
export async function exampleVaccinationJws(
  issuedAt: Date,
): Promise<{ jws: string; entry: PassageTrustEntry }> {
  const { agent } = createPassageAgent(createMemoryStores());
  const authority = await createAuthorityDid(agent, { publicUrl: 'https://health.example', slug: 'moph' });
  const completed = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt,
    hcid: 'THA-TEST-1',
    economy: 'THA',
  });
  if (!completed.ok) throw new Error('the example does not complete');
  const credential = buildCredential({
    issuer: authority.did,
    type: 'VaccinationCertificate',
    ...completed.value,
  });
  const jws = await issueCredential(agent, { credential: { ...credential } });
  const entry = trustEntryFor(authority, { name: 'MoPH', economy: 'THA', types: ['VaccinationCertificate'] });
  return { jws, entry };
}
