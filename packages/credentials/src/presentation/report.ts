import type { Check, VerificationIssue, VerificationReport } from '../report.js';
import type { PresentationSecuring } from './claims.js';

/** The checks of a presentation, in the order they are read. */
export interface PresentationChecks {
  /**
   * The input is a `vp+jwt` or `vp+cose` (as it is, in a data: URL, or in an enveloped presentation), or
   * a VC 1.1 presentation JWT.
   */
  decoding: Check;
  /** The holder's signature, with a key given out of band (the trust store) or a did:jwk holder's own. */
  signature: Check;
  /** The JWT's `nbf` and `exp`, and the `challenge` (`nonce`) and `domain` (`aud`) asked for. */
  validity: Check;
  /** VC Data Model 2.0 §4.13: context, type, holder, every credential enveloped (1.1 §4 for a VC 1.1 JWT). */
  schema: Check;
  /** Every credential the presentation carries verifies on its own. */
  credentials: Check;
}

/**
 * The answer to "did this holder present these credentials, and do they verify?". Never thrown:
 * a bad presentation is `verified: false` with a failed check carrying a code.
 */
export interface PresentationReport {
  verified: boolean;
  securing?: PresentationSecuring;
  envelope?: 'jws' | 'cose' | 'enveloped';
  checks: PresentationChecks;
  errors: VerificationIssue[];
  /** The presentation as decoded, once decoding succeeded. */
  presentation?: Record<string, unknown>;
  /** Who presented it: `holder` (or the JWT `iss`). */
  holder?: string;
  /** One report per `verifiableCredential` entry, in order; empty when there are none. */
  credentials: VerificationReport[];
  /** The validation clock (ISO 8601). */
  checkedAt: string;
}
