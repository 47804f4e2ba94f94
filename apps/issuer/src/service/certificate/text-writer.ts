import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { fitText } from './fit-text.js';
import type { CertificateFonts, FontFace } from './font-set.js';
import { certificateFontkit } from './pdf-fontkit.js';
import { splitRuns } from './text-runs.js';

/** Where and how one line of text is drawn; it never spills past `maxWidth` (see `fitText`). */
export interface LineOptions {
  x: number;
  y: number;
  size: number;
  color: Color;
  maxWidth: number;
  bold?: boolean;
}

/** Draws one line of text on a page of the writer's document. */
export type TextWriter = (page: PDFPage, text: string, options: LineOptions) => Promise<void>;

/**
 * A writer of text in `pdf` with per-character font fallback: each run is drawn with the first font
 * of the chain that has its glyphs, and each font is embedded (as a subset of the glyphs drawn) the
 * first time a run needs it, so a Latin certificate carries no Thai font.
 *
 * pdf-lib does no OpenType shaping of its own: it draws the glyphs fontkit's layout picks (so its
 * substitutions stay: ญ and ฐ drop their lower part above ุ ู) at their default advances, and drops
 * the mark positions fontkit computed (GPOS). Thai vowel and tone marks are zero-width glyphs drawn
 * at their default place, high and to the right. "สมชาย ใจดี" prints as it should; a tone mark
 * with no vowel above it is not lowered (ก่อน shows a gap), a mark above a tall consonant lands on
 * its stem (in ปู่, ป่า and ฟ้า the tone mark all but disappears into the stem), and a mark below ฎ
 * or ฏ lands on the tail. Vietnamese is unaffected: NFC gives precomposed letters.
 */
export function textWriter(pdf: PDFDocument, fonts: CertificateFonts): TextWriter {
  pdf.registerFontkit(certificateFontkit);
  const embedded = new Map<FontFace, Promise<PDFFont>>();
  const embed = (face: FontFace) => {
    let font = embedded.get(face);
    if (font === undefined) {
      font = pdf.embedFont(face.bytes, { subset: true });
      embedded.set(face, font);
    }
    return font;
  };
  const glyphSources = {
    regular: fonts.regular.map((face) => face.font),
    bold: fonts.bold.map((face) => face.font),
  };
  return async (page, text, { bold = false, ...line }) => {
    const chain = bold ? fonts.bold : fonts.regular;
    const layout = (shown: string) =>
      Promise.all(
        splitRuns(shown, bold ? glyphSources.bold : glyphSources.regular).map(async (run) => {
          const face = chain[run.face];
          if (face === undefined) throw new Error('a run names a font outside its chain');
          return { text: run.text, font: await embed(face) };
        }),
      );
    const { runs, size } = await fitText(text, line.size, line.maxWidth, layout);
    let x = line.x;
    for (const run of runs) {
      page.drawText(run.text, { x, y: line.y, size, font: run.font, color: line.color });
      x += run.font.widthOfTextAtSize(run.text, size);
    }
  };
}
