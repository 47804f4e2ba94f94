// Runs a benchmark script in a child process (Node with tsx's loader) and starts it again when its
// set-up stalls. On Node 20, tsx resolves some modules through Node's off-thread module hooks; now and
// then (about one run in eight here) the main thread waits on that thread forever while the set-up
// loads a module. A blocked main thread runs no timer, so the script cannot notice it itself: this
// parent can, from the child's silence. Plain JavaScript, no loader: nothing here can stall that way.
//   node scripts/bench/supervise.mjs scripts/bench.ts [args...]
// A script ends its set-up by writing a line starting `bench: measuring` or `bench:NAME: measuring` to
// stderr (bench.ts, bench-http.ts, bench-batch.ts do).
import { spawn } from 'node:child_process';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node scripts/bench/supervise.mjs SCRIPT [ARGS...]\n');
  process.exit(2);
}
/** The line a script writes once its set-up is done. */
const MEASURING = /^bench(:[\w-]+)?: measuring/m;
/** Set-up (until the script says `measuring`) never takes this long unless it is stuck. */
const SETUP_LIMIT_MS = 120_000;
const ATTEMPTS = 3;

function attempt(n) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@passage/source', script, ...args],
      { stdio: ['inherit', 'inherit', 'pipe'] },
    );
    let measuring = false;
    let stalled = false;
    const timer = setTimeout(() => {
      if (measuring) return;
      stalled = true;
      process.stderr.write(
        `bench: set-up made no progress in ${SETUP_LIMIT_MS / 1000} s (Node 20's module hooks thread); ` +
          `${n < ATTEMPTS ? 'starting again' : 'giving up'}\n`,
      );
      child.kill('SIGKILL');
    }, SETUP_LIMIT_MS);
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      if (!measuring && MEASURING.test(chunk.toString())) {
        measuring = true;
        clearTimeout(timer);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ stalled, code: code ?? (signal ? 1 : 0) });
    });
  });
}

for (let n = 1; n <= ATTEMPTS; n++) {
  const { stalled, code } = await attempt(n);
  if (!stalled) process.exit(code);
}
process.exit(2);
