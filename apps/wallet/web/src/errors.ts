/**
 * Why the wallet could not do what was asked, by stable code (shown on the status line as `data-code`),
 * and what the traveller reads for it: what happened and what to do, with nothing from the offer.
 */
export const PLAIN_WORDS = {
  OFFER_INVALID: 'This is not a credential offer. Check the text or link you were given.',
  ISSUER_UNREACHABLE: 'The issuer could not be reached. Check your connection and try again.',
  ISSUER_INSECURE: 'The issuer does not use a secure (https) address, so the wallet will not use it.',
  TX_CODE_REQUIRED: 'Enter the code the issuing authority gave you.',
  TX_CODE_WRONG: 'That code is not right. Check it and try again.',
  OFFER_REFUSED: 'The issuer refused this offer: it may have expired or been used. Ask for a new one.',
  CREDENTIAL_REFUSED:
    'The issuer refused to issue the credential. Ask the issuing authority for a new offer.',
  CREDENTIAL_INVALID: 'The issuer sent something that is not a credential this wallet can keep.',
  CREDENTIAL_MISMATCH:
    'The credential received is not for this wallet or not from this issuer. It was not kept.',
  SIGNATURE_INVALID: "The credential received does not carry its issuer's valid signature. It was not kept.",
  KEY_UNAVAILABLE: 'This browser cannot make a key for the credential.',
  STORAGE_FAILED: 'The credential could not be saved in this browser.',
  CAMERA_UNAVAILABLE: 'The camera could not be started. Paste the offer text instead.',
  QR_NOT_FOUND: 'No QR code was found in the picture.',
  NOT_FOUND: 'That credential is no longer in this wallet.',
} as const;

/** A code of {@link PLAIN_WORDS}. */
export type WalletCode = keyof typeof PLAIN_WORDS;

/** The wallet's one error class: `code` is stable, `message` is plain words for the traveller. */
export class WalletError extends Error {
  override readonly name = 'WalletError';
  readonly code: WalletCode;

  constructor(code: WalletCode) {
    super(PLAIN_WORDS[code]);
    this.code = code;
  }
}

/** `error` as a WalletError: a wallet error as is, anything else as `fallback`. */
export function asWalletError(error: unknown, fallback: WalletCode): WalletError {
  return error instanceof WalletError ? error : new WalletError(fallback);
}
