import { type KeyBindingPolicy, keyBindingRequired, type VerificationReport } from '@passage/credentials';

/** What a verify request may ask of a credential's key binding: VC-API's challenge and domain, and more. */
export interface KeyBindingAsk {
  /** The challenge the verifier gave the holder: a key binding JWT's `nonce` must be it. */
  challenge?: string | undefined;
  /** The verifier's domain or client id: a key binding JWT's `aud` must name it. */
  domain?: string | undefined;
  /** A key binding JWT is required even without a challenge or domain (then only its age is checked). */
  requireKeyBinding?: boolean | undefined;
}

/**
 * The key binding policy a request asks of a credential (RFC 9901 §7.3), undefined when it asks none.
 * A challenge or a domain always requires a key binding JWT that answers it: `requireKeyBinding:
 * false` does not waive that, since a challenge nothing answered would protect nothing.
 *
 * @example
 * keyBindingAsked({ challenge: 'n-1' }) // { challenge: 'n-1' }: a KB-JWT with nonce n-1 is required
 */
export function keyBindingAsked(ask: KeyBindingAsk): KeyBindingPolicy | undefined {
  const { challenge, domain, requireKeyBinding } = ask;
  if (challenge === undefined && domain === undefined && requireKeyBinding !== true) return undefined;
  return {
    ...(requireKeyBinding === true ? { required: true } : {}),
    ...(challenge === undefined ? {} : { challenge }),
    ...(domain === undefined ? {} : { domain }),
  };
}

/**
 * The report of a credential whose format cannot carry key binding (an EU DCC, a SMART Health Card, a
 * VDS-NC seal), failed with KEY_BINDING_REQUIRED when `policy` requires key binding; else as it is.
 */
export function withKeyBindingPolicy(
  report: VerificationReport,
  policy: KeyBindingPolicy | undefined,
): VerificationReport {
  if (!keyBindingRequired(policy)) return report;
  return {
    ...report,
    verified: false,
    checks: { ...report.checks, keyBinding: { ok: false, code: 'KEY_BINDING_REQUIRED' } },
    errors: [
      ...report.errors,
      { code: 'KEY_BINDING_REQUIRED', message: 'key binding is required, and this format cannot carry it' },
    ],
  };
}
