import { type Logger, pino } from 'pino';

/** Batches of about this many bytes: under the 4 kB a pipe writes atomically. */
const BATCH_BYTES = 2048;

/**
 * A service's logger: JSON lines on stdout, written in batches of about 2 kB (at least once a second)
 * instead of one write call per request line. Batches stay under the 4 kB a pipe writes atomically,
 * so cluster workers sharing stdout never interleave within a line.
 *
 * The batches are written synchronously, in the event loop's thread (pino's own default). Handing
 * each batch to libuv's thread pool instead cost the busy verifier about 30 µs of CPU per request
 * (thread wake-ups and the completion callback, docs/benchmarks.md), more than the write itself.
 */
export function serviceLogger(name: string, level: string): Logger {
  return pino(
    { name, level },
    pino.destination({ dest: 1, sync: true, minLength: BATCH_BYTES, periodicFlush: 1000 }),
  );
}
