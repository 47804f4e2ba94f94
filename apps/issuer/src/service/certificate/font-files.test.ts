import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FILES, extraFontFiles, fontFileProblem } from './font-files.js';

const [notoSans, notoSansThai] = BUNDLED_FONT_FILES.regular;
const folder = () => mkdtempSync(join(tmpdir(), 'passage-fonts-'));

describe('extraFontFiles', () => {
  it('takes PASSAGE_PDF_FONTS in order, split on the path delimiter, as absolute paths', () => {
    expect(extraFontFiles(['fonts/a.ttc', '/opt/b.otf'].join(delimiter), [])).toEqual([
      resolve('fonts/a.ttc'),
      '/opt/b.otf',
    ]);
  });

  it('takes an empty PASSAGE_PDF_FONTS as no extra font, the system fonts included', () => {
    expect(extraFontFiles('', [notoSansThai ?? ''])).toEqual([]);
  });

  it('finds the system fonts that exist when PASSAGE_PDF_FONTS is unset', () => {
    const missing = join(folder(), 'NotoSansCJK-Regular.ttc');
    expect(extraFontFiles(undefined, [missing, notoSansThai ?? ''])).toEqual([notoSansThai]);
  });
});

describe('fontFileProblem', () => {
  it('accepts the bundled TrueType fonts', () => {
    expect(fontFileProblem(notoSans ?? '')).toBeUndefined();
    expect(fontFileProblem(notoSansThai ?? '')).toBeUndefined();
  });

  it('accepts an OpenType collection by its ttcf tag', () => {
    const file = join(folder(), 'collection.ttc');
    writeFileSync(file, Buffer.from('ttcf\0\x02\0\0', 'latin1'));
    expect(fontFileProblem(file)).toBeUndefined();
  });

  it('names a missing file', () => {
    expect(fontFileProblem(join(folder(), 'missing.ttf'))).toBe('does not exist');
  });

  it('names a folder', () => {
    expect(fontFileProblem(folder())).toBe('is not a file');
  });

  it('names a file that is not a font', () => {
    const file = join(folder(), 'font.ttf');
    writeFileSync(file, 'not a font at all');
    expect(fontFileProblem(file)).toMatch(/^is not a TrueType or OpenType font/);
  });

  it('names a WOFF web font, which it does not take', () => {
    const file = join(folder(), 'font.woff2');
    writeFileSync(file, Buffer.from('wOF2\0\x01\0\0', 'latin1'));
    expect(fontFileProblem(file)).toMatch(/^is not a TrueType or OpenType font/);
  });
});
