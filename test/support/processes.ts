import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** A free TCP port on loopback, found by binding port 0. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A child process running one of our TypeScript entry points from source. */
export interface Child {
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `file` with tsx and waits until `ready` answers 200, or fails with the child's output. */
export async function startTs(file: string, env: NodeJS.ProcessEnv, ready: string): Promise<Child> {
  const child = spawn(TSX, ['--conditions=@passage/source', join(ROOT, file)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  // Generous: on a loaded 2-core machine tsx compiling a service (and a cluster's workers) takes a while.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${file} exited early:\n${out}`);
    try {
      const res = await fetch(ready);
      if (res.ok) return { process: child, output: () => out, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`${file} did not become ready:\n${out}`);
}

/** Runs `passage` from source and returns its exit status and output. */
export async function runPassage(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['--conditions=@passage/source', join(ROOT, 'apps/cli/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin ?? '');
  const status = await new Promise<number>((r) => child.once('exit', (code) => r(code ?? -1)));
  return { status, stdout, stderr };
}
