import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;

/** The package's runtime sources: what the browser bundle is made of (tests and fixtures excluded). */
function sources(dir: string = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Imports of modules from another package's sources, by path (see internal/credentials.ts). */
const deepImports = (text: string) =>
  [...text.matchAll(/from '((?:\.\.\/)+[a-z-]+\/src\/[^']+)'/g)].map((m) => m[1] ?? '');

describe('the package runs in a browser', () => {
  it('imports nothing from node: and never names Buffer or process', () => {
    const offenders = sources().filter((file) =>
      /from ['"]node:|\bBuffer\b|\bprocess\./.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
    expect(sources().length).toBeGreaterThan(10);
  });

  it('the other packages’ modules it reuses import nothing from node: at run time', () => {
    const reused = sources().flatMap((file) =>
      deepImports(readFileSync(file, 'utf8')).map((path) => join(file, '..', path.replace(/\.js$/, '.ts'))),
    );
    expect(reused.length).toBeGreaterThan(5);
    for (const file of reused) {
      const runtime = readFileSync(file, 'utf8').match(/^import (?!type )[^;]+;/gm) ?? [];
      expect([relative(root, file), runtime.filter((line) => line.includes("'node:"))]).toEqual([
        relative(root, file),
        [],
      ]);
    }
  });
});
