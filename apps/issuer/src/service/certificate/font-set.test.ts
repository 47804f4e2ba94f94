import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIssuerError } from '../../errors.js';
import { BUNDLED_FONT_FILES } from './font-files.js';
import { loadCertificateFonts } from './font-set.js';
import { writeCollection } from './test-fonts.js';

const [, thaiRegular = ''] = BUNDLED_FONT_FILES.regular;
const [, thaiBold = ''] = BUNDLED_FONT_FILES.bold;
const folder = () => mkdtempSync(join(tmpdir(), 'passage-font-set-'));

describe('loadCertificateFonts', () => {
  it('chains Noto Sans and Noto Sans Thai of each weight', async () => {
    const fonts = await loadCertificateFonts([]);
    expect(fonts.regular.map((f) => f.name)).toEqual(['NotoSans-Regular', 'NotoSansThai-Regular']);
    expect(fonts.bold.map((f) => f.name)).toEqual(['NotoSans-Bold', 'NotoSansThai-Bold']);
  });

  it('tries the extra fonts after the bundled ones, those of the weight drawn first', async () => {
    const fonts = await loadCertificateFonts([thaiBold, thaiRegular]);
    expect(fonts.regular.map((f) => f.name).slice(2)).toEqual(['NotoSansThai-Regular', 'NotoSansThai-Bold']);
    expect(fonts.bold.map((f) => f.name).slice(2)).toEqual(['NotoSansThai-Bold', 'NotoSansThai-Regular']);
  });

  it('parses each file once per process', async () => {
    const [first, second] = await Promise.all([loadCertificateFonts([]), loadCertificateFonts([])]);
    const again = await loadCertificateFonts([thaiRegular]);
    expect(second.regular[0]?.font).toBe(first.regular[0]?.font);
    expect(again.regular[1]?.font).toBe(first.regular[1]?.font);
    // The extra file is the bundled one: the same parsed font, twice in the chain.
    expect(again.regular[2]?.font).toBe(first.regular[1]?.font);
  });

  it('takes each font of a collection, in the collection order', async () => {
    const ttc = writeCollection(folder(), [thaiRegular, thaiBold]);
    const fonts = await loadCertificateFonts([ttc]);
    expect(fonts.regular.map((f) => f.name).slice(2)).toEqual(['NotoSansThai-Regular', 'NotoSansThai-Bold']);
    expect(fonts.regular[2]?.font.hasGlyphForCodePoint(0x0e2a)).toBe(true);
  });

  it('refuses a file with a font tag and no font behind it (CONFIG_INVALID)', async () => {
    const file = join(folder(), 'broken.otf');
    writeFileSync(file, Buffer.concat([Buffer.from('OTTO', 'latin1'), Buffer.alloc(8, 0xff)]));
    const refused = await loadCertificateFonts([file]).catch((error: unknown) => error);
    expect(isIssuerError(refused, 'CONFIG_INVALID') && refused.details.map((d) => d.path)).toEqual([
      'PASSAGE_PDF_FONTS',
    ]);
  });
});
