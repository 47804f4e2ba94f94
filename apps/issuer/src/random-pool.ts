import { randomBytes, randomFillSync } from 'node:crypto';

// Small random values (an IV, an identifier's code) are drawn from a block the CSPRNG fills at once:
// node:crypto's `randomBytes(16)` costs about 4.7 µs a call here, a copy from the block 0.4 µs, and an
// issuance draws twice. Node's own `randomUUID` buffers the same way.

/** Bytes the CSPRNG fills at a time. */
const BLOCK_BYTES = 4096;
/** Larger draws go to node:crypto directly. */
const MAX_POOLED_BYTES = 64;

const block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
let next = BLOCK_BYTES;

/**
 * `length` bytes from the CSPRNG, as a Buffer of their own: each byte of the block is handed out once
 * and wiped as it is, so nothing drawn stays behind in the block.
 */
export function randomBytesPooled(length: number): Buffer {
  if (length > MAX_POOLED_BYTES) return randomBytes(length);
  if (next + length > BLOCK_BYTES) {
    randomFillSync(block);
    next = 0;
  }
  const bytes = Buffer.from(block.subarray(next, next + length));
  block.fill(0, next, next + length);
  next += length;
  return bytes;
}
