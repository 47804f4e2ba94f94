import { clusters } from './text-runs.js';

/** A run of text with the font that draws it (a pdf-lib font). */
export interface MeasurableRun {
  text: string;
  font: { widthOfTextAtSize(text: string, size: number): number };
}

/** Text too wide for its room shrinks to this share of its size at most, and is then cut. */
export const MIN_SCALE = 0.7;
export const ELLIPSIS = '…';

/** The width of runs drawn side by side at `size`. */
export function runsWidth(runs: readonly MeasurableRun[], size: number): number {
  return runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
}

/**
 * Fits text into `maxWidth` without wrapping (a certificate row is one line): text that fits is
 * drawn as it is; wider text shrinks, down to {@link MIN_SCALE} of `size`, which keeps a name of
 * about 90 Latin letters whole in a value column; longer text is cut at that size after the last
 * whole cluster that fits, and ends with an ellipsis. Only the QR is proof, and it holds the text
 * in full.
 *
 * @param layout splits text into runs with their fonts (see `splitRuns`)
 */
export async function fitText<R extends MeasurableRun>(
  text: string,
  size: number,
  maxWidth: number,
  layout: (text: string) => Promise<R[]>,
): Promise<{ runs: R[]; size: number }> {
  const runs = await layout(text);
  const width = runsWidth(runs, size);
  if (width <= maxWidth) return { runs, size };
  const smallest = size * MIN_SCALE;
  if ((size * maxWidth) / width >= smallest) return { runs, size: (size * maxWidth) / width };
  const parts = clusters(text);
  const cut = (kept: number) => layout(`${parts.slice(0, kept).join('').trimEnd()}${ELLIPSIS}`);
  // The most clusters whose cut fits: `fits` always does (none kept, at worst), `wide` never does.
  let [fits, wide] = [0, parts.length];
  while (wide - fits > 1) {
    const middle = Math.floor((fits + wide) / 2);
    if (runsWidth(await cut(middle), smallest) <= maxWidth) fits = middle;
    else wide = middle;
  }
  return { runs: await cut(fits), size: smallest };
}
