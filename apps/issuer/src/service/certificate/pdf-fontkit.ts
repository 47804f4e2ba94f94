import { Readable } from 'node:stream';
import type { Font, Subset } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';
import { parsedFonts } from './font-set.js';

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = ReturnType<PdfLibFontkit['create']>;

/**
 * pdf-lib 1.17's subset embedder reads the subset as a stream; fontkit 2 encodes it in one call. The
 * subset is fontkit's own, made for this one embedding.
 */
function streamingSubset(subset: Subset): Subset & { encodeStream(): Readable } {
  return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
}

const forPdfLib = new WeakMap<Font, PdfLibFont>();

/**
 * The fontkit that certificates register with pdf-lib: fontkit 2, whose subsets are sound, where
 * pdf-lib's own fork (`@pdf-lib/fontkit` 1.1.1, fontkit 1.7) loses glyphs from Noto Sans subsets
 * (their short `loca` table drops odd offsets) and writes CID-keyed CFF subsets (Noto Sans CJK) that
 * viewers reject.
 *
 * `embedFont(face.bytes)` makes pdf-lib call `create(face.bytes)`: the answer is the font parsed once
 * per process (`font-set.ts`), not a new parse per PDF, and the one font picked out of a collection.
 */
export const certificateFontkit: PdfLibFontkit = {
  create(bytes) {
    const font = parsedFonts.get(bytes);
    if (font === undefined) throw new Error('only fonts from loadCertificateFonts are embedded');
    let wrapped = forPdfLib.get(font);
    if (wrapped === undefined) {
      // Getters run on the font itself, so what fontkit caches (cmap, layout engine) stays shared.
      const proxy = new Proxy(font, {
        get(target, key) {
          if (key === 'createSubset') return () => streamingSubset(target.createSubset());
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      // pdf-lib types fontkit 1.7's API; fontkit 2 answers every call it makes.
      wrapped = proxy as unknown as PdfLibFont;
      forPdfLib.set(font, wrapped);
    }
    return wrapped;
  },
};
