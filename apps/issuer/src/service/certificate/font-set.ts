import { readFile } from 'node:fs/promises';
import { create, type Font } from 'fontkit';
import { IssuerError } from '../../errors.js';
import { BUNDLED_FONT_FILES } from './font-files.js';

/** One font of a fallback chain, parsed once per process. */
export interface FontFace {
  /** The font's PostScript name (a PDF names its embedded subset after it). */
  readonly name: string;
  readonly font: Font;
  /** What `embedFont` is given: pdf-lib hands it back to `create` (see `pdf-fontkit.ts`). */
  readonly bytes: Uint8Array;
  readonly bold: boolean;
}

/** The fallback chains of regular and bold text: the bundled fonts, then the extra ones. */
export interface CertificateFonts {
  readonly regular: readonly FontFace[];
  readonly bold: readonly FontFace[];
}

/** The fonts parsed so far, by the bytes `embedFont` is given for them. */
export const parsedFonts = new WeakMap<Uint8Array, Font>();

const faces = new Map<string, Promise<FontFace[]>>();

function unusable(file: string): IssuerError {
  const message = `${file} is not a usable TrueType or OpenType font`;
  return new IssuerError('CONFIG_INVALID', `invalid configuration: PASSAGE_PDF_FONTS: ${message}`, [
    { path: 'PASSAGE_PDF_FONTS', message },
  ]);
}

async function readFaces(file: string): Promise<FontFace[]> {
  try {
    const bytes = await readFile(file);
    const parsed = create(bytes);
    // A collection (.ttc) gives each of its fonts, in its own order.
    const fonts = 'fonts' in parsed ? parsed.fonts : [parsed];
    return fonts.map((font) => {
      // Reads the tables that drawing needs (cmap, head, OS/2) now, so a broken file fails here.
      font.hasGlyphForCodePoint(0x20);
      // Each font gets its own view of the file, the key pdf-lib hands back to `create`.
      const view = bytes.subarray();
      parsedFonts.set(view, font);
      return { name: font.postscriptName, font, bytes: view, bold: font['OS/2'].usWeightClass >= 600 };
    });
  } catch {
    throw unusable(file);
  }
}

/** The fonts in one file, read and parsed once per process (the same promise for every caller). */
function facesOf(file: string): Promise<FontFace[]> {
  let found = faces.get(file);
  if (found === undefined) {
    found = readFaces(file);
    faces.set(file, found);
  }
  return found;
}

/** `extra` with the fonts of the wanted weight first: a configured font serves both weights. */
function weightFirst(extra: readonly FontFace[], bold: boolean): FontFace[] {
  return [...extra.filter((f) => f.bold === bold), ...extra.filter((f) => f.bold !== bold)];
}

/**
 * The certificate's fallback chains: Noto Sans, Noto Sans Thai, then the fonts of `extraFiles`
 * (PASSAGE_PDF_FONTS or the system CJK fonts found), each file read and parsed once per process.
 *
 * @throws IssuerError `CONFIG_INVALID` naming a file that fontkit cannot read as a font
 */
export async function loadCertificateFonts(extraFiles: readonly string[]): Promise<CertificateFonts> {
  const load = (files: readonly string[]) => Promise.all(files.map(facesOf)).then((all) => all.flat());
  const [regular, bold, extra] = await Promise.all([
    load(BUNDLED_FONT_FILES.regular),
    load(BUNDLED_FONT_FILES.bold),
    load(extraFiles),
  ]);
  return {
    regular: [...regular, ...weightFirst(extra, false)],
    bold: [...bold, ...weightFirst(extra, true)],
  };
}
