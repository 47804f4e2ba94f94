import { type OfficerAnswer, parseAnswer } from './answer.js';
import { type Ask, verifyOffline } from './offline.js';

/** An answer and where it came from. */
export type Checked =
  | { answer: OfficerAnswer; offline?: undefined }
  | { answer: OfficerAnswer; offline: { dataFrom: string } }
  | { answer?: undefined; unreachable: true };

/** The service could not answer: network down, timeout or a server error. */
class Unreachable extends Error {}

async function verifyOnline(text: string, ask: Ask): Promise<OfficerAnswer> {
  let res: Response;
  try {
    res = await fetch('/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ qr: text, ...ask }),
      signal: AbortSignal.timeout(8_000),
    });
  } catch {
    throw new Unreachable();
  }
  if (res.status >= 500) throw new Unreachable();
  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) return parseAnswer(json);
  // A refused request (text too long, not a string) reads as an unreadable credential.
  const code =
    typeof json === 'object' && json !== null && 'code' in json && typeof json.code === 'string'
      ? json.code
      : 'MALFORMED_INPUT';
  return { verified: false, format: 'unknown', errors: [{ code }] };
}

/**
 * Asks the verifier service; when it cannot be reached, verifies in the browser from the stored
 * bundle and says so.
 */
export async function check(text: string, ask: Ask): Promise<Checked> {
  try {
    return { answer: await verifyOnline(text, ask) };
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
  }
  const offline = await verifyOffline(text, ask);
  if (!offline) return { unreachable: true };
  return { answer: offline.answer, offline: { dataFrom: offline.dataFrom } };
}
