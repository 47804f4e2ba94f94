import { z } from 'zod';

const MAX_TEXT = 64 * 1024;
const credentialInput = z.union([z.string().min(1).max(MAX_TEXT), z.record(z.string(), z.unknown())]);
const at = z.iso.datetime({ offset: true });

/** The most QR codes one credential spans: a legacy multi-part SMART Health Card has up to 10. */
const MAX_QRS = 16;

/**
 * What a request may ask of a credential's key binding (RFC 9901 §7.3): the challenge a key binding
 * JWT's `nonce` must answer and the domain its `aud` must name (VC-API's names; either requires one),
 * and `requireKeyBinding` to require one without them.
 */
const keyBindingFields = {
  challenge: z.string().min(1).max(1024).optional(),
  domain: z.string().min(1).max(1024).optional(),
  requireKeyBinding: z.boolean().optional(),
};

/**
 * `POST /v1/verify`: exactly one of `qr` (scanned text: Passage, `HC1:`, `shc:/` or a VDS-NC seal's
 * JSON), `qrs` (every chunk of a legacy multi-part SMART Health Card, any order) or `credential`
 * (compact JWS, enveloped VC, or a VDS-NC seal as an object).
 */
export const verifyRequestSchema = z
  .strictObject({
    qr: z.string().min(1).max(MAX_TEXT).optional(),
    qrs: z.array(z.string().min(1).max(MAX_TEXT)).min(1).max(MAX_QRS).optional(),
    credential: credentialInput.optional(),
    /** Validation clock for testing and for checking old material as of its own time. */
    at: at.optional(),
    /** The economy whose entry rules to evaluate (ISO 3166-1 alpha-3), e.g. `THA`. */
    economy: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')
      .optional(),
    /** The traveller's arrival: a date (`2026-12-01`) or date-time. Default: the validation clock. */
    arrivalDate: z.union([z.iso.date(), at]).optional(),
    ...keyBindingFields,
  })
  .refine((b) => [b.qr, b.qrs, b.credential].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of qr, qrs or credential',
    path: ['qr'],
  });

/** The VC-API `options` Passage reads: the validation clock, and the economy whose entry rules apply. */
const vcApiOptionFields = {
  at: at.optional(),
  economy: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  arrivalDate: z.union([z.iso.date(), at]).optional(),
};

/** What `/presentations/verify` also takes: whether each credential must have been issued to the holder. */
const holderBindingFields = { requireHolderBinding: z.boolean().optional() };

/** Option names Passage reads on the VC-API routes, lower-cased: to catch a misspelt one. */
const KNOWN_OPTIONS = new Map(
  [
    ...Object.keys(vcApiOptionFields),
    ...Object.keys(keyBindingFields),
    ...Object.keys(holderBindingFields),
  ].map((k) => [k.toLowerCase(), k]),
);

/**
 * VC-API verify `options`: Passage's own (`fields`), checked; VC-API's `checks` and
 * `expectedProofPurpose` (every check is always made, so they narrow nothing); and other
 * implementations' extension options, passed by as the VC-API allows, which the W3C suites send. A name
 * that differs from one of Passage's only in case (`requireKeybinding`) is refused: left unread, it
 * would pass what the caller meant to refuse.
 */
function vcApiOptions<F extends z.ZodRawShape>(fields: F) {
  return z
    .object({
      ...fields,
      checks: z.array(z.string().max(256)).max(64).optional(),
      expectedProofPurpose: z.string().max(256).optional(),
    })
    .loose()
    .superRefine((options, ctx) => {
      for (const key of Object.keys(options)) {
        const known = KNOWN_OPTIONS.get(key.toLowerCase());
        if (known === undefined || (known === key && key in fields)) continue;
        const message =
          known === key ? 'not an option of this route' : `unknown option; did you mean ${known}?`;
        ctx.addIssue({ code: 'custom', path: [key], message });
      }
    });
}

/** `POST /credentials/verify` in the W3C VC-API shape, with the key binding asked of the credential. */
export const vcApiVerifyRequestSchema = z.object({
  verifiableCredential: credentialInput,
  options: vcApiOptions({ ...vcApiOptionFields, ...keyBindingFields }).optional(),
});

/**
 * `POST /presentations/verify` in the W3C VC-API shape: a `vp+jwt` (compact, as a data: URL, or an
 * `EnvelopedVerifiablePresentation`), with the challenge and domain the verifier gave the holder,
 * `requireKeyBinding` to ask every credential in it for its own key binding JWT as well, and
 * `requireHolderBinding` to require that each was issued to the holder.
 */
export const vcApiPresentationRequestSchema = z.object({
  verifiablePresentation: credentialInput,
  options: vcApiOptions({ ...vcApiOptionFields, ...keyBindingFields, ...holderBindingFields }).optional(),
});

export type VerifyRequest = z.infer<typeof verifyRequestSchema>;

/** The scanner's usual body: a QR text and, optionally, the economy whose entry rules apply. */
export interface QuickVerifyRequest {
  qr: string;
  economy?: string;
}

const ECONOMY = /^[A-Z]{3}$/;

/**
 * The common `POST /v1/verify` body, `{ qr, economy? }`, checked by hand: a scanner sends it
 * thousands of times a second and zod's general path costs more than the rest of the request's
 * parsing. Answers exactly what `verifyRequestSchema` would, or undefined for any other shape
 * (which then goes through the schema, so refusals keep their messages).
 */
export function quickVerifyRequest(body: unknown): QuickVerifyRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  let keys = 0;
  for (const key in body) {
    if (!Object.hasOwn(body, key)) continue;
    if (key !== 'qr' && key !== 'economy') return undefined;
    keys += 1;
  }
  const { qr, economy } = body as { qr?: unknown; economy?: unknown };
  if (typeof qr !== 'string' || qr.length < 1 || qr.length > MAX_TEXT) return undefined;
  if (economy === undefined) return keys === 1 ? { qr } : undefined;
  if (typeof economy !== 'string' || !ECONOMY.test(economy)) return undefined;
  return { qr, economy };
}
