import type { FactsView, HolderView } from '@passage/schema';

/**
 * What the page reads of a verification answer: the verifier service's `POST /v1/verify` answer and
 * `@passage/web-verify`'s answer have this shape. Only these fields are read; the rest is ignored.
 */
export interface OfficerAnswer {
  verified: boolean;
  format: string;
  errors: { code: string; message?: string }[];
  credentialType?: string;
  credential?: Record<string, unknown>;
  issuer?: { did?: string; id?: string; name?: string; economy?: string };
  status?: { purpose: string; set?: boolean | undefined; stale: boolean; fetchedAt?: string }[];
  view?: { holder: HolderView; facts: FactsView };
  entry?: EntryView;
  sources?: SourcesView;
}

/** The entry verdict for the chosen economy. */
export interface EntryView {
  economy: string;
  arrivalDate: string;
  outcome: 'meets' | 'does-not-meet' | 'not-authentic' | 'no-rules' | 'cannot-evaluate';
  summary: string;
  rules?: { results: { id: string; outcome: string; text: string }[] };
}

/** Which data the verdict rests on. */
export interface SourcesView {
  trustList:
    | { source: string; version?: number; fetchedAt?: string; ageSeconds?: number; expired?: boolean }
    | { source: 'none' | 'unsigned-file' };
  rules?: { version: number; source: string; fetchedAt: string; ageSeconds: number };
  network: boolean;
  bundleCreatedAt?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks that JSON from the service (or the web verifier) is an answer before the page reads it.
 *
 * @throws Error when it is not: the page then says the service gave no usable answer.
 */
export function parseAnswer(json: unknown): OfficerAnswer {
  if (
    !isRecord(json) ||
    typeof json.verified !== 'boolean' ||
    typeof json.format !== 'string' ||
    !Array.isArray(json.errors) ||
    !json.errors.every((e) => isRecord(e) && typeof e.code === 'string')
  ) {
    throw new Error('not a verification answer');
  }
  return json as unknown as OfficerAnswer;
}
