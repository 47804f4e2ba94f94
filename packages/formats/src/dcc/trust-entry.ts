import { z } from 'zod';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const base64 = z.string().regex(BASE64, 'not base64');

/**
 * The number of bytes base64 text (as {@link BASE64} admits it) decodes to: six bits per character
 * before the padding, whole bytes only, as node's decoder counts them (tested against it).
 */
export function base64ByteLength(text: string): number {
  const end = text.indexOf('=');
  return Math.floor(((end === -1 ? text.length : end) * 3) / 4);
}

/**
 * A trusted DCC document signer certificate (DSC), as the EU gateway's trust list publishes them:
 * the issuing country, the 8-byte key id and the DER certificate, both base64.
 */
export const dccTrustEntrySchema = z.strictObject({
  framework: z.literal('dcc'),
  /** ISO 3166-1 code of the issuing country (alpha-2 in the EU gateway; alpha-3 accepted). */
  country: z.string().regex(/^[A-Z]{2,3}$/),
  /** The 8-byte key id, base64. */
  kid: base64.refine((kid) => base64ByteLength(kid) === 8, 'kid is not 8 bytes'),
  certificate: base64.max(16_384),
});

/** A trusted DSC entry. */
export type DccTrustEntry = z.infer<typeof dccTrustEntrySchema>;
