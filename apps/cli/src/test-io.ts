import type { CliIo } from './io.js';

/** Test helper: a {@link CliIo} over `env` and `stdin` that captures what the CLI prints. */
export function captureIo(env: NodeJS.ProcessEnv = {}, stdin = '') {
  const out = { stdout: '', stderr: '' };
  const cliIo: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readStdin: async () => stdin,
    env,
  };
  return { cliIo, out };
}
