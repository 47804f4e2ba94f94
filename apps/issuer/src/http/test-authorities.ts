import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';

/**
 * Test helper: the two demo authorities, Thailand's health ministry (vaccination certificates, P-256)
 * and Singapore's immigration (travel cards, Ed25519).
 */
export async function demoAuthorities(
  issuer: OpenIssuer,
): Promise<{ health: CreatedAuthority; immigration: CreatedAuthority }> {
  const health = await issuer.service.createAuthority({
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  const immigration = await issuer.service.createAuthority({
    name: 'ICA',
    economy: 'SGP',
    types: ['BusinessTravelCard'],
    keyType: 'Ed25519',
  });
  return { health, immigration };
}
