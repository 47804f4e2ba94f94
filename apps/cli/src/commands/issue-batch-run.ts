import type { IssuerService } from '@passage/issuer';
import type { CredentialType } from '@passage/schema';
import type { CliIo } from '../io.js';
import { type BatchFileSummary, issueBatchFile } from './issue-batch.js';

const BAR_WIDTH = 30;

/** A one-line progress bar redrawn at most ten times a second, for a terminal only. */
function progressBar(io: CliIo): { update: (done: number, total: number) => void; end: () => void } {
  if (process.stderr.isTTY !== true) return { update: () => {}, end: () => {} };
  const started = Date.now();
  let drawn = 0;
  const draw = (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * BAR_WIDTH);
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    io.stderr(
      `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${Math.round(rate)}/s `,
    );
  };
  let last: [number, number] = [0, 0];
  return {
    update: (done, total) => {
      last = [done, total];
      const now = Date.now();
      if (now - drawn >= 100) {
        drawn = now;
        draw(done, total);
      }
    },
    end: () => {
      draw(...last);
      io.stderr('\n');
    },
  };
}

/**
 * Runs `passage issue --batch` with a progress bar on a terminal; Ctrl-C stops after the chunks in
 * progress, leaving the results file as the checkpoint the next run resumes from.
 */
export async function runBatch(
  io: CliIo,
  service: IssuerService,
  options: {
    authority: string | undefined;
    type: CredentialType;
    file: string;
    out: string;
    format: 'vc+jwt' | 'jwt' | undefined;
    workers?: number | undefined;
    chunkSize?: number | undefined;
  },
): Promise<BatchFileSummary> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  const bar = progressBar(io);
  try {
    return await issueBatchFile(service, options.authority, options.type, {
      file: options.file,
      out: options.out,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
      signal: stop.signal,
      onProgress: bar.update,
    });
  } finally {
    bar.end();
    process.off('SIGINT', onSignal);
  }
}
