import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPage, isStale, type PageBuild } from './page-build.js';

/** A page folder with one static file and one source, and a build that copies the source. */
function fixture(write: PageBuild['write'] = async () => {}): PageBuild {
  const webDir = mkdtempSync(join(tmpdir(), 'page-build-'));
  mkdirSync(join(webDir, 'static'));
  writeFileSync(join(webDir, 'static', 'index.html'), '<!doctype html>');
  writeFileSync(join(webDir, 'main.ts'), 'export {};');
  return { webDir, sources: [join(webDir, 'main.ts')], write };
}

describe('page builds', () => {
  it('swaps a finished build in for dist/, with the static files, the bundles and a stamp', async () => {
    const page = fixture(async (out, id) => writeFileSync(join(out, 'app.js'), `// ${id}`));
    await buildPage(page);
    const dist = join(page.webDir, 'dist');
    expect(readdirSync(dist).sort()).toEqual(['.built', 'app.js', 'index.html']);
    expect(readFileSync(join(dist, 'app.js'), 'utf8')).toContain(
      readFileSync(join(dist, '.built'), 'utf8').trim(),
    );
    expect(readdirSync(page.webDir).sort()).toEqual(['dist', 'main.ts', 'static']);
  });

  it('is stale when a source is newer than the output, and not after a build', async () => {
    const page = fixture();
    const stamp = join(page.webDir, 'dist', '.built');
    expect(isStale(stamp, page.sources)).toBe(true);
    await buildPage(page);
    expect(isStale(stamp, page.sources)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(page.webDir, 'main.ts'), later, later);
    expect(isStale(stamp, page.sources)).toBe(true);
  });

  it('leaves no half build behind and keeps the last one when a build fails', async () => {
    const page = fixture();
    await buildPage(page);
    page.write = async () => {
      throw new Error('bundler failed');
    };
    await expect(buildPage(page)).rejects.toThrow('bundler failed');
    expect(readdirSync(page.webDir).sort()).toEqual(['dist', 'main.ts', 'static']);
    expect(readdirSync(join(page.webDir, 'dist'))).toContain('index.html');
  });
});
