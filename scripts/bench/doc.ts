// docs/benchmarks.md is shared: each script rewrites only its own `## ` sections, read and written
// in one step at the end of its run, so sections other scripts wrote in the meantime are kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DOC = join(ROOT, 'docs', 'benchmarks.md');
const HEADER =
  '# Benchmarks\n\nSpeed and size figures, each section written by its script under `scripts/bench*`.\n';

/**
 * Replaces the section starting at the line `heading` (up to the next `## ` heading) with `body`
 * (which starts with that heading), or appends it; every other line of the file is left as it was.
 */
export function replaceSection(text: string, heading: string, body: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  const section = body.trimEnd().split('\n');
  if (start === -1) return `${text.trimEnd()}\n\n${section.join('\n')}\n`;
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (end === -1) end = lines.length;
  const after = lines.slice(end);
  return [...lines.slice(0, start), ...section, ...(after.length > 0 ? ['', ...after] : [''])].join('\n');
}

/** Writes each `[heading, body]` section into docs/benchmarks.md. */
export function writeSections(sections: readonly [heading: string, body: string][]): void {
  let text = existsSync(DOC) ? readFileSync(DOC, 'utf8') : HEADER;
  for (const [heading, body] of sections) text = replaceSection(text, heading, body);
  writeFileSync(DOC, text);
}

/** The CPU model as /proc/cpuinfo names it (os.cpus() elsewhere). */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    const model = line?.split(':')[1]?.trim();
    if (model) return model;
  } catch {
    // not Linux: fall through
  }
  return cpus()[0]?.model.trim() ?? 'unknown CPU';
}

/** One line describing the machine and runtime, for the head of a section. */
export function machineLine(): string {
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${cpuModel()}, ${cpus().length} cores, ${memory} RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Formats ops/s for a table: thousands separated, no decimals above 100. */
export function ops(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}
