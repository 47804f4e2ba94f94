import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const bundled = (file: string) => require.resolve(`@expo-google-fonts/${file}`);

/**
 * The fonts every issuer carries, from npm (SIL Open Font License 1.1), in the order they are tried:
 * Noto Sans (Latin with Vietnamese, Cyrillic, Greek), then Noto Sans Thai. CJK fonts are not bundled:
 * Noto Sans SC alone is a 57 MB package, and has no Hangul.
 */
export const BUNDLED_FONT_FILES = {
  regular: [
    bundled('noto-sans/400Regular/NotoSans_400Regular.ttf'),
    bundled('noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf'),
  ],
  bold: [
    bundled('noto-sans/700Bold/NotoSans_700Bold.ttf'),
    bundled('noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf'),
  ],
} as const;

/**
 * Fonts used when PASSAGE_PDF_FONTS is unset, where they exist: Noto Sans CJK (Chinese, Japanese,
 * Korean) as Debian's and Ubuntu's `fonts-noto-cjk` package installs it.
 */
export const SYSTEM_FONT_FILES: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];

/** The extra font files: PASSAGE_PDF_FONTS split on the path delimiter, or else the system fonts found. */
export function extraFontFiles(
  setting: string | undefined,
  systemFiles: readonly string[] = SYSTEM_FONT_FILES,
): string[] {
  if (setting === undefined) return systemFiles.filter((file) => existsSync(file));
  return setting
    .split(delimiter)
    .filter((file) => file.trim() !== '')
    .map((file) => resolve(file));
}

/** The first four bytes of a TrueType font, an OpenType (CFF) font and a TrueType/OpenType collection. */
const FONT_TAGS = new Set(['00010000', '74727565', '4f54544f', '74746366']);

/**
 * Why `file` is not a font file the certificate can use, or undefined when it is one. Reads only the
 * file's first four bytes (its sfnt tag): the fonts themselves are parsed on the first certificate.
 */
export function fontFileProblem(file: string): string | undefined {
  let tag: string;
  try {
    if (!statSync(file).isFile()) return 'is not a file';
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(4);
      tag = head.subarray(0, readSync(fd, head, 0, 4, 0)).toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    return missing ? 'does not exist' : 'cannot be read';
  }
  return FONT_TAGS.has(tag) ? undefined : 'is not a TrueType or OpenType font (.ttf, .otf, .ttc)';
}
