import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;
/** The browser-safe entry of `@passage/credentials` (its `./pure` export). */
const credentialsPure = join(root, '../../credentials/src/pure.ts');
/** The browser-safe entry of `@passage/trust` (its `./pure` export). */
const trustPure = join(root, '../../trust/src/pure.ts');
/** The browser-safe entry of `@passage/formats` (its `./pure` export). */
const formatsPure = join(root, '../../formats/src/pure.ts');

/** The package's runtime sources: what the browser bundle is made of (tests and fixtures excluded). */
function sources(dir: string = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Imports of modules from another package's sources, by path (see internal/rules.ts). */
const deepImports = (text: string) =>
  [...text.matchAll(/from '((?:\.\.\/)+[a-z-]+\/src\/[^']+)'/g)].map((m) => m[1] ?? '');

/** The import and export-from statements a module runs (type-only ones are erased). */
const runtimeImports = (text: string) =>
  [...text.matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)';/gm)].map((m) => m[1] ?? '');

/** `entry` and every module of its package it reaches at run time through relative imports. */
function runtimeGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const specifiers = runtimeImports(readFileSync(file, 'utf8'));
    graph.set(file, specifiers);
    for (const spec of specifiers.filter((s) => s.startsWith('.'))) {
      const next = join(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (existsSync(next)) visit(next);
    }
  };
  visit(entry);
  return graph;
}

/** The node: modules, and the package's own (Node) entry point, a module graph imports at run time. */
const forbiddenIn = (graph: Map<string, string[]>, entryPoint: string) =>
  [...graph].flatMap(([file, specs]) =>
    specs
      .filter((s) => s.startsWith('node:') || s === entryPoint)
      .map((s) => `${relative(root, file)}: ${s}`),
  );

describe('the package runs in a browser', () => {
  it('imports nothing from node: and never names Buffer or process', () => {
    const offenders = sources().filter((file) =>
      /from ['"]node:|\bBuffer\b|\bprocess\./.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
    expect(sources().length).toBeGreaterThan(10);
  });

  it('the other packages’ modules it reuses by path import nothing from node: at run time', () => {
    const reused = sources().flatMap((file) =>
      deepImports(readFileSync(file, 'utf8')).map((path) => join(file, '..', path.replace(/\.js$/, '.ts'))),
    );
    expect(reused.length).toBeGreaterThan(3);
    for (const file of reused) {
      const nodeImports = runtimeImports(readFileSync(file, 'utf8')).filter((s) => s.startsWith('node:'));
      expect([relative(root, file), nodeImports]).toEqual([relative(root, file), []]);
    }
  });

  it('@passage/credentials/pure reaches no node: module at run time', () => {
    const graph = runtimeGraph(credentialsPure);
    expect(graph.size).toBeGreaterThan(10);
    expect(forbiddenIn(graph, '@passage/credentials')).toEqual([]);
  });

  it('@passage/trust/pure reaches no node: module at run time, and the package imports nothing else of it', () => {
    const graph = runtimeGraph(trustPure);
    expect(graph.size).toBeGreaterThan(1);
    expect(forbiddenIn(graph, '@passage/trust')).toEqual([]);
    const entryPointUsers = sources().filter((file) =>
      runtimeImports(readFileSync(file, 'utf8')).includes('@passage/trust'),
    );
    expect(entryPointUsers.map((f) => relative(root, f))).toEqual([]);
  });

  it('@passage/formats/pure reaches no node: module, no Node entry point and no Buffer at run time', () => {
    const graph = runtimeGraph(formatsPure);
    expect(graph.size).toBeGreaterThan(3);
    const entryPoints = ['@passage/formats', '@passage/credentials', '@passage/trust'];
    expect(entryPoints.flatMap((entry) => forbiddenIn(graph, entry))).toEqual([]);
    const namingBuffer = [...graph.keys()].filter((file) => /\bBuffer\b/.test(readFileSync(file, 'utf8')));
    expect(namingBuffer.map((f) => relative(root, f))).toEqual([]);
  });
});
