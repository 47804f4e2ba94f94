import { type Logger, pino } from 'pino';

/**
 * The service's logger: JSON lines on stdout, written in batches of about 2 kB (at least once a
 * second) instead of one write call per request line. Batches stay under the 4 kB a pipe writes
 * atomically, so cluster workers sharing stdout never interleave within a line.
 */
export function serviceLogger(level: string): Logger {
  return pino(
    { name: 'passage-verifier', level },
    pino.destination({ dest: 1, sync: false, minLength: 2048, periodicFlush: 1000 }),
  );
}
