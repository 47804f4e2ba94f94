import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { CREDENTIAL_TYPES } from '@passage/schema';
import { z } from 'zod';
import { insertOffer } from '../../db/index.js';
import { IssuerError } from '../../errors.js';
import type { Caller } from '../context.js';
import { issuesToDetails } from '../details.js';
import { checkTypedInput } from '../issue-typed.js';
import type { Oid4vciEngine } from './engine.js';
import { CREDENTIAL_CONFIGURATIONS } from './metadata.js';

/** How long an offer may be redeemed by default, and at most. */
export const DEFAULT_OFFER_SECONDS = 7 * 24 * 3600;
const MAX_OFFER_SECONDS = 30 * 24 * 3600;
const TX_CODE_LENGTH = 6;

const offerRequestSchema = z.strictObject({
  type: z.enum(CREDENTIAL_TYPES),
  /** The subject data, as sent to `POST /v1/vaccination-certificates` or `/v1/travel-cards`. */
  subject: z.record(z.string(), z.unknown()),
  /** `vc+jwt` (VC 2.0, the default) or `jwt_vc_json` (VC 1.1 JWT). */
  format: z.enum(['vc+jwt', 'jwt_vc_json']).optional(),
  txCode: z.boolean().optional(),
  expiresInSeconds: z.number().int().min(60).max(MAX_OFFER_SECONDS).optional(),
});

/** A created offer, as answered once to the authority (the transaction code is never shown again). */
export interface CreatedOffer {
  id: string;
  offerUri: string;
  expiresAt: Date;
  txCode: string | undefined;
}

/** Hex SHA-256 of a pre-authorized code: how the database finds an offer without holding the code. */
export function codeHash(code: string): string {
  return createHash('sha256').update(`pre-authorized_code:${code}`).digest('hex');
}

/** Hex SHA-256 of a transaction code, salted with the offer id. */
export function txCodeHash(offerId: string, txCode: string): string {
  return createHash('sha256').update(`tx_code:${offerId}:${txCode}`).digest('hex');
}

/**
 * Creates an OpenID4VCI credential offer (pre-authorized code flow) for subject data an authority
 * sent: checks it as issuing would, stores it sealed with hashes of the codes, and answers the
 * `openid-credential-offer://` URI carrying the offer by value. Nothing is signed until the wallet
 * redeems the offer with a proof of its key.
 */
export async function createOffer(
  engine: Oid4vciEngine,
  caller: Caller,
  body: unknown,
): Promise<CreatedOffer> {
  const { ctx } = engine;
  const parsed = offerRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new IssuerError('MALFORMED_INPUT', 'the offer request is not valid', issuesToDetails(parsed.error));
  }
  const request = parsed.data;
  if ('id' in request.subject) {
    throw new IssuerError('MALFORMED_INPUT', "the holder's id comes from the wallet's proof, not the offer");
  }
  const now = ctx.clock();
  checkTypedInput(caller, request.type, request.subject, now);
  const format = request.format ?? 'vc+jwt';
  const configuration = CREDENTIAL_CONFIGURATIONS.find((c) => c.type === request.type && c.format === format);
  if (!configuration) throw new IssuerError('MALFORMED_INPUT', 'no such credential configuration');

  const id = randomUUID();
  const code = randomBytes(32).toString('base64url');
  const txCode = request.txCode
    ? String(randomInt(0, 10 ** TX_CODE_LENGTH)).padStart(TX_CODE_LENGTH, '0')
    : undefined;
  const { credentialOffer } = await engine.issuer.createCredentialOffer({
    issuerMetadata: engine.metadata,
    credentialConfigurationIds: [configuration.id],
    grants: {
      'urn:ietf:params:oauth:grant-type:pre-authorized_code': {
        'pre-authorized_code': code,
        ...(txCode === undefined
          ? {}
          : {
              tx_code: {
                input_mode: 'numeric',
                length: TX_CODE_LENGTH,
                description: 'The code the issuing authority gave you with this offer',
              },
            }),
      },
    },
  });
  const expiresAt = new Date(now.getTime() + (request.expiresInSeconds ?? DEFAULT_OFFER_SECONDS) * 1000);
  await insertOffer(ctx.db, {
    id,
    authorityId: caller.authority.id,
    apiKeyId: caller.keyId,
    economy: caller.economy,
    type: request.type,
    configurationId: configuration.id,
    subjectSealed: ctx.box.seal(JSON.stringify(request.subject), `offer-subject:${id}`),
    offerUriSealed: ctx.box.seal(credentialOffer, `offer-uri:${id}`),
    codeHash: codeHash(code),
    txCodeHash: txCode === undefined ? undefined : txCodeHash(id, txCode),
    createdAt: now,
    expiresAt,
  });
  return { id, offerUri: credentialOffer, expiresAt, txCode };
}
