// Where the time of a V8 CPU profile goes: the functions with the most self time, and with the most
// inclusive time (each function counted once per sample, however deep it recurses), in microseconds
// per operation when the number of operations is known.
// Run: corepack pnpm exec tsx scripts/bench/cpuprofile-summary.ts FILE.cpuprofile [operations] [rows]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The parts of a `.cpuprofile` read here. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** `name (file)`, the file shortened to the package path or the repository path. */
function nameOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  const short = url
    .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^file:\/\/.*?\/(packages|apps|scripts)\//, '$1/');
  return `${functionName || '(anonymous)'}${short ? ` (${short})` : ''}`;
}

/** Self and inclusive time per function name, and the total sampled, in microseconds. */
export function timesOf(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const dt = profile.timeDeltas?.[i] ?? 0;
    total += dt;
    const node = byId.get(id);
    if (!node) return;
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const name = nameOf(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  });
  return { self, inclusive, total };
}

/** Prints the top `rows` functions by self and by inclusive time. */
export function summarize(profile: CpuProfile, operations: number, rows: number): void {
  const { self, inclusive, total } = timesOf(profile);
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}  (% of samples, µs per operation)`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
      console.log(
        `${((us / total) * 100).toFixed(1).padStart(5)} % ${(us / operations).toFixed(1).padStart(7)} µs  ${name}`,
      );
    }
  };
  console.log(
    `${(total / 1e6).toFixed(1)} s sampled, ${operations} operations, ${(total / operations).toFixed(0)} µs each`,
  );
  show('self time', self);
  show('inclusive time', inclusive);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file = '', operations = '1', rows = '30'] = process.argv.slice(2);
  summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(operations), Number(rows));
}
