import { CredentialError, concatBytes } from './credentials.js';

/**
 * GUNZIPs with the platform's `DecompressionStream`, reading at most `maxBytes` of output: past the
 * bound the stream is cancelled, so a GZIP bomb costs no more than the bound.
 *
 * @throws CredentialError `INVALID_COMPRESSION` when the data is not GZIP or inflates past the bound.
 */
export async function gunzipBounded(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([compressed as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new CredentialError('INVALID_COMPRESSION', 'encodedList inflates past the size bound');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    throw new CredentialError('INVALID_COMPRESSION', 'encodedList is not GZIP within the size bound');
  }
  return concatBytes(chunks);
}
