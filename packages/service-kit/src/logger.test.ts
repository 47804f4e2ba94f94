import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));

/** Runs `body` in a fresh Node process with `log` = serviceLogger('passage-test', level); its stdout. */
function stdoutOf(level: string, body: string): string {
  const script = `const { serviceLogger } = await import(${JSON.stringify(logger)});
const log = serviceLogger('passage-test', ${JSON.stringify(level)});
${body}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('serviceLogger', () => {
  it('holds lines until about 2 kB are waiting, then writes them in one go; flush writes the rest', () => {
    const out = stdoutOf(
      'info',
      `log.info({ n: 1 }, 'first');
process.stdout.write(JSON.stringify({ marker: 'before-flush' }) + '\\n');
log.flush();`,
    );
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // The first line was still in the batch when the marker went out directly.
    expect(lines.map((l) => l.marker ?? l.msg)).toEqual(['before-flush', 'first']);
    expect(lines[1]).toMatchObject({ name: 'passage-test', level: 30, n: 1 });
  });

  it('writes a full batch at once, whole lines only, and keeps below its level quiet', () => {
    const out = stdoutOf(
      'warn',
      `for (let i = 0; i < 40; i++) log.warn({ i, pad: 'x'.repeat(80) }, 'line');
log.info('not shown');
process.stdout.write('marker\\n');
process.exit(0);`,
    );
    const [written = '', after] = out.split('marker\n');
    const lines = written
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // About 2 kB of ~160-byte lines went out before the marker; the rest waited (and was lost to exit).
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.length).toBeLessThan(40);
    expect(lines.every((l, i) => l.i === i && l.level === 40)).toBe(true);
    expect(after).toBe('');
  });
});
