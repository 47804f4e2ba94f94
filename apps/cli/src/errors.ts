/** Codes of the CLI's own errors; each maps to exit status 2. */
export type CliErrorCode = 'USAGE' | 'INPUT_UNREADABLE' | 'INPUT_INVALID' | 'AUTHORITY_NOT_FOUND';

/** The CLI's error class: a usage or input problem the user can fix. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Exit statuses: 0 done (or verified), 1 not verified, 2 usage or input error. */
export const EXIT = { ok: 0, notVerified: 1, usage: 2 } as const;
