/** What run splitting needs of a font: whether it has a glyph for a character (a fontkit font does). */
export interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Consecutive characters drawn with one font: `face` is its index in the fallback chain. */
export interface TextRun {
  face: number;
  text: string;
}

/** What a character no font can draw becomes. */
export const MISSING = '?';

/** A base character with the combining marks that follow it (Thai vowels and tone marks, accents). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
/** Characters that belong to no script of their own: spaces, digits, punctuation. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]+$/u;
/** Controls and line breaks would start a new line in pdf-lib's drawText. */
const UNDRAWABLE = /[\p{Cc}\u2028\u2029]/u;

function covers(font: GlyphSource | undefined, text: string): boolean {
  if (font === undefined || UNDRAWABLE.test(text)) return false;
  for (const ch of text) if (!font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) return false;
  return true;
}

/** The face and the text for one cluster, given the face of the run before it. */
function place(cluster: string, fonts: readonly GlyphSource[], current: number | undefined): TextRun {
  // A space or digit stays in the current run when its font has it, so "สมชาย ใจดี" is one run.
  if (current !== undefined && NEUTRAL.test(cluster) && covers(fonts[current], cluster)) {
    return { face: current, text: cluster };
  }
  // The cluster as written, else its compatibility form without marks ("ﬃ" → "ffi", "Ａ" → "A").
  for (const form of new Set([cluster, cluster.normalize('NFKD').replace(/\p{M}/gu, '')])) {
    const face = form === '' ? -1 : fonts.findIndex((font) => covers(font, form));
    if (face >= 0) return { face, text: form };
  }
  return cluster === MISSING ? { face: 0, text: MISSING } : place(MISSING, fonts, current);
}

/** The clusters of `text` in NFC: where a run may start or a cut may fall. */
export function clusters(text: string): string[] {
  return text.normalize('NFC').match(CLUSTER) ?? [];
}

/**
 * Splits `text` (normalised to NFC) into runs, each drawn with the first font of `fonts` that has a
 * glyph for every character of a cluster (a base character with its combining marks, which stay with
 * it). A cluster no font has becomes `?`.
 *
 * @example
 * splitRuns('Somchai สมชาย', [notoSans, notoSansThai]) // [{ face: 0, text: 'Somchai ' }, { face: 1, text: 'สมชาย' }]
 */
export function splitRuns(text: string, fonts: readonly GlyphSource[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const cluster of clusters(text)) {
    const last = runs.at(-1);
    const run = place(cluster, fonts, last?.face);
    if (last?.face === run.face) last.text += run.text;
    else runs.push(run);
  }
  return runs;
}
