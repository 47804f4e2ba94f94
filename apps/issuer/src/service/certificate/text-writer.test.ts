import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FILES } from './font-files.js';
import { type CertificateFonts, loadCertificateFonts } from './font-set.js';
import { writeCollection } from './test-fonts.js';
import { readPdf } from './test-pdf.js';
import { textWriter } from './text-writer.js';

let fonts: CertificateFonts;

beforeAll(async () => {
  fonts = await loadCertificateFonts([]);
});

/** One page with each line drawn at 11 pt, read back. */
async function draw(lines: Array<{ text: string; bold?: boolean }>, chains = fonts) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const write = textWriter(pdf, chains);
  let y = 700;
  for (const { text, bold = false } of lines) {
    await write(page, text, { x: 48, y, size: 11, color: rgb(0, 0, 0), maxWidth: 400, bold });
    y -= 20;
  }
  return readPdf(await pdf.save());
}

const withoutSuffix = (name: string) => name.replace(/-\d+$/, '');

/** For each glyph of an embedded subset: its outline's point count there and in the font it came from. */
function outlines(embedded: { file: Uint8Array; toUnicode: Map<string, string> }, source: Font) {
  const subset = create(Buffer.from(embedded.file));
  if ('fonts' in subset) throw new Error('a subset is one font');
  return [...embedded.toUnicode].map(([gid, text]) => {
    const original = source.glyphForCodePoint(text.codePointAt(0) ?? 0);
    return [
      text,
      subset.getGlyph(Number.parseInt(gid, 16)).path.commands.length,
      original.path.commands.length,
    ];
  });
}

describe('textWriter', () => {
  it('draws runs side by side, each with the font that has its glyphs', async () => {
    const { lines, fonts: embedded } = await draw([{ text: 'Somchai สมชาย' }]);
    expect(lines).toEqual(['Somchai สมชาย']);
    expect(embedded.map((f) => withoutSuffix(f.name)).sort()).toEqual([
      'NotoSans-Regular',
      'NotoSansThai-Regular',
    ]);
  });

  it('draws bold text with the bold fonts', async () => {
    const { fonts: embedded } = await draw([{ text: 'Name ชื่อ', bold: true }]);
    expect(embedded.map((f) => withoutSuffix(f.name)).sort()).toEqual(['NotoSans-Bold', 'NotoSansThai-Bold']);
  });

  it('embeds one subset per font in a document, whatever the number of lines', async () => {
    const { lines, fonts: embedded } = await draw([{ text: 'Иван' }, { text: 'Петров' }]);
    expect(lines).toEqual(['Иван', 'Петров']);
    expect(embedded.map((f) => withoutSuffix(f.name))).toEqual(['NotoSans-Regular']);
  });

  it('embeds subsets whose glyphs keep their outlines', async () => {
    // @pdf-lib/fontkit 1.1.1 wrote Noto Sans subsets whose glyphs after the first odd-sized one were garbage.
    const { fonts: embedded } = await draw([{ text: 'Nguyen Jaidee Иван' }]);
    const [notoSans] = embedded;
    if (notoSans === undefined || fonts.regular[0] === undefined) throw new Error('no Noto Sans');
    for (const [text, inSubset, inFont] of outlines(notoSans, fonts.regular[0].font)) {
      expect([text, inSubset]).toEqual([text, inFont]);
    }
  });

  it('embeds one font of a collection, picked by fontkit, as a sound subset', async () => {
    const [, thaiRegular = ''] = BUNDLED_FONT_FILES.regular;
    const [, thaiBold = ''] = BUNDLED_FONT_FILES.bold;
    const ttc = writeCollection(mkdtempSync(join(tmpdir(), 'passage-writer-')), [thaiRegular, thaiBold]);
    // The bold chain: Noto Sans Bold, Noto Sans Thai Bold, then the collection's bold font first.
    const [, , bold] = (await loadCertificateFonts([ttc])).bold;
    if (bold === undefined) throw new Error('no second font in the collection');
    const { lines, fonts: embedded } = await draw([{ text: 'สมชาย' }], { regular: [bold], bold: [bold] });
    expect(lines).toEqual(['สมชาย']);
    expect(embedded.map((f) => withoutSuffix(f.name))).toEqual(['NotoSansThai-Bold']);
    const [subset] = embedded;
    if (subset === undefined) throw new Error('nothing embedded');
    for (const [text, inSubset, inFont] of outlines(subset, bold.font)) {
      expect([text, inSubset]).toEqual([text, inFont]);
    }
  });
});
