/**
 * Size bounds for decoding a DCC from hostile input. The largest real `HC1:` strings are about 1,100
 * characters; these bounds leave room for an order of magnitude more and no more.
 */
export const DCC_LIMITS = {
  /** Longest `HC1:` text accepted, in characters. */
  maxTextLength: 16 * 1024,
  /** Largest inflated COSE message, in bytes (bounds a zip bomb). */
  maxInflatedBytes: 64 * 1024,
  /** Deepest nesting accepted in the health certificate payload. */
  maxPayloadDepth: 16,
} as const;
