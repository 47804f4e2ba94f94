import { z } from 'zod';

const MAX_TEXT = 64 * 1024;
const credentialInput = z.union([z.string().min(1).max(MAX_TEXT), z.record(z.string(), z.unknown())]);
const at = z.iso.datetime({ offset: true });

/** `POST /v1/verify`: exactly one of `qr` (scanned text) or `credential` (compact JWS or enveloped VC). */
export const verifyRequestSchema = z
  .strictObject({
    qr: z.string().min(1).max(MAX_TEXT).optional(),
    credential: credentialInput.optional(),
    /** Validation clock for testing and for checking old material as of its own time. */
    at: at.optional(),
  })
  .refine((b) => (b.qr === undefined) !== (b.credential === undefined), {
    message: 'give exactly one of qr or credential',
    path: ['qr'],
  });

/** `POST /credentials/verify` in the W3C VC-API shape. */
export const vcApiVerifyRequestSchema = z.object({
  verifiableCredential: credentialInput,
  options: z.object({ at: at.optional() }).loose().optional(),
});

export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
