import { z } from 'zod';
import { VC_V2_CONTEXT_URL } from './context.js';
import type { CredentialType } from './credential-types.js';
import { travelCardSubjectSchema } from './travel-card.js';
import { vaccinationSubjectSchema } from './vaccination.js';

const SCHEMA_FILES: Record<CredentialType, string> = {
  VaccinationCertificate: 'vaccination-certificate-v1.json',
  BusinessTravelCard: 'business-travel-card-v1.json',
};

/** The path, relative to the issuer's public URL, where a type's JSON Schema is served. */
export function credentialSchemaPath(type: CredentialType): string {
  return `schemas/${SCHEMA_FILES[type]}`;
}

/** The credential type whose schema file has this name, if any. */
export function credentialTypeForSchemaFile(file: string): CredentialType | undefined {
  const entry = Object.entries(SCHEMA_FILES).find(([, name]) => name === file);
  return entry?.[0] as CredentialType | undefined;
}

/**
 * The JSON Schema (2020-12) of a whole credential of this type, as `credentialSchema` names it. The
 * subject part is generated from the zod schema; the envelope states what VC Data Model 2.0 requires.
 */
export function credentialJsonSchema(type: CredentialType, id: string): Record<string, unknown> {
  const subject = type === 'VaccinationCertificate' ? vaccinationSubjectSchema : travelCardSubjectSchema;
  const { $schema: _ignored, ...subjectSchema } = z.toJSONSchema(subject, { target: 'draft-2020-12' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title: type,
    type: 'object',
    required: ['@context', 'type', 'issuer', 'validFrom', 'credentialSubject'],
    properties: {
      '@context': { type: 'array', prefixItems: [{ const: VC_V2_CONTEXT_URL }], minItems: 1 },
      type: {
        type: 'array',
        allOf: [{ contains: { const: 'VerifiableCredential' } }, { contains: { const: type } }],
      },
      id: { type: 'string', format: 'uri' },
      issuer: {
        anyOf: [
          { type: 'string', format: 'uri' },
          { type: 'object', required: ['id'] },
        ],
      },
      validFrom: { type: 'string', format: 'date-time' },
      validUntil: { type: 'string', format: 'date-time' },
      credentialSubject: subjectSchema,
    },
  };
}
