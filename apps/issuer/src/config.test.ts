import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIssuerConfig } from './config.js';
import { isIssuerError } from './errors.js';
import { BUNDLED_FONT_FILES } from './service/certificate/font-files.js';

const base = () => ({
  PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-issuer-config-')),
  PASSAGE_SECRET: 'abcdefghijklmnopqrstuvwxyz0123456789',
});

function refused(env: NodeJS.ProcessEnv): string[] {
  try {
    loadIssuerConfig(env);
  } catch (error) {
    return isIssuerError(error, 'CONFIG_INVALID') ? error.details.map((d) => d.path) : ['not CONFIG_INVALID'];
  }
  return [];
}

describe('status list settings', () => {
  it('default to a five minute ttl and 131072 entries', () => {
    const config = loadIssuerConfig(base());
    expect(config.statusTtlMs).toBe(300_000);
    expect(config.statusListSize).toBe(131_072);
  });

  it('take larger lists in multiples of 8', () => {
    expect(loadIssuerConfig({ ...base(), PASSAGE_STATUS_LIST_SIZE: '262144' }).statusListSize).toBe(262_144);
  });

  it('refuse a list under 131072 entries (herd privacy)', () => {
    expect(refused({ ...base(), PASSAGE_STATUS_LIST_SIZE: '1024' })).toEqual(['PASSAGE_STATUS_LIST_SIZE']);
  });

  it('refuse a size that is not a multiple of 8', () => {
    expect(refused({ ...base(), PASSAGE_STATUS_LIST_SIZE: '131073' })).toEqual(['PASSAGE_STATUS_LIST_SIZE']);
  });

  it('refuse a ttl that is not a number of milliseconds', () => {
    expect(refused({ ...base(), PASSAGE_STATUS_TTL_MS: 'soon' })).toEqual(['PASSAGE_STATUS_TTL_MS']);
  });
});

describe('PASSAGE_PDF_FONTS', () => {
  // The bundled Thai font stands in for an extra font such as Noto Sans CJK.
  const [, thai = ''] = BUNDLED_FONT_FILES.regular;

  it('takes font files, in order', () => {
    const config = loadIssuerConfig({ ...base(), PASSAGE_PDF_FONTS: [thai, thai].join(delimiter) });
    expect(config.pdfFonts).toEqual([thai, thai]);
  });

  it('takes an empty value as no extra font', () => {
    expect(loadIssuerConfig({ ...base(), PASSAGE_PDF_FONTS: '' }).pdfFonts).toEqual([]);
  });

  it('refuses a file that does not exist (CONFIG_INVALID)', () => {
    const missing = join(base().PASSAGE_DATA_DIR, 'NotoSansCJK-Regular.ttc');
    expect(refused({ ...base(), PASSAGE_PDF_FONTS: missing })).toEqual(['PASSAGE_PDF_FONTS']);
  });

  it('refuses a file that is not a font (CONFIG_INVALID)', () => {
    const text = join(base().PASSAGE_DATA_DIR, 'font.ttf');
    writeFileSync(text, 'not a font');
    expect(refused({ ...base(), PASSAGE_PDF_FONTS: [thai, text].join(delimiter) })).toEqual([
      'PASSAGE_PDF_FONTS',
    ]);
  });
});
