import { beforeAll, describe, expect, it } from 'vitest';
import { type FontFace, loadCertificateFonts } from './font-set.js';
import { splitRuns } from './text-runs.js';

let chain: readonly FontFace[];

// The bundled chain only, whatever fonts this machine has: Noto Sans, then Noto Sans Thai.
beforeAll(async () => {
  chain = (await loadCertificateFonts([])).regular;
});

/** Each run as [the PostScript name of its font, its text]. */
const runs = (text: string) =>
  splitRuns(
    text,
    chain.map((face) => face.font),
  ).map((run) => [chain[run.face]?.name, run.text]);

describe('splitRuns', () => {
  it('draws a Thai name with Noto Sans Thai, its space in the same run', () => {
    expect(runs('สมชาย ใจดี')).toEqual([['NotoSansThai-Regular', 'สมชาย ใจดี']]);
  });

  it('keeps Thai vowels and tone marks with their consonant', () => {
    expect(runs('น้ำ ปู่')).toEqual([['NotoSansThai-Regular', 'น้ำ ปู่']]);
  });

  it('draws a Vietnamese name with Noto Sans, composed to NFC', () => {
    const decomposed = 'Nguyễn Thị Minh Khai'.normalize('NFD');
    expect(runs(decomposed)).toEqual([['NotoSans-Regular', 'Nguyễn Thị Minh Khai'.normalize('NFC')]]);
  });

  it('draws a Cyrillic name with Noto Sans', () => {
    expect(runs('Иван Петров')).toEqual([['NotoSans-Regular', 'Иван Петров']]);
  });

  it('switches fonts where Latin and Thai meet, punctuation staying in the run before it', () => {
    expect(runs('Somchai (สมชาย) Jaidee')).toEqual([
      ['NotoSans-Regular', 'Somchai ('],
      ['NotoSansThai-Regular', 'สมชาย) '],
      ['NotoSans-Regular', 'Jaidee'],
    ]);
  });

  it('prints ? for each CJK character when no CJK font is configured, and only for those', () => {
    expect(runs('张伟 Zhang Wei')).toEqual([['NotoSans-Regular', '?? Zhang Wei']]);
    expect(runs('สมชาย 山田')).toEqual([['NotoSansThai-Regular', 'สมชาย ??']]);
  });

  it('prints ? for an emoji and for an unassigned code point', () => {
    expect(runs('Ana 😀 Lee \u0378')).toEqual([['NotoSans-Regular', 'Ana ? Lee ?']]);
  });

  it('prints ? for a control character, which would start a new line', () => {
    expect(runs('Ana\nLee')).toEqual([['NotoSans-Regular', 'Ana?Lee']]);
  });

  it('falls back to the compatibility form without marks before ?', () => {
    // Fullwidth Latin is CJK typography: no bundled font has it, its NFKD form is plain Latin.
    expect(runs('ＡＢ')).toEqual([['NotoSans-Regular', 'AB']]);
  });

  it('answers no run for empty text', () => {
    expect(runs('')).toEqual([]);
  });
});
