import QRCode from 'qrcode';
import { CredentialError } from '../errors.js';
import { MAX_QR_TEXT_LENGTH } from './text.js';

/** The QR alphanumeric character set; Passage QR text uses nothing else. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

/** Error correction 'Q' (25 % recovery), as the EU DCC uses: survives creased paper and scratched screens. */
const ERROR_CORRECTION = 'Q';

/** Options for {@link renderQrPng}. */
export interface QrPngOptions {
  /** Pixels per module, 1 to 32 (default 4). */
  scale?: number | undefined;
  /** Quiet zone in modules, 0 to 16 (default 4, what the QR standard asks for). */
  margin?: number | undefined;
}

function segments(text: string): QRCode.QRCodeSegment[] {
  if (typeof text !== 'string' || text.length > MAX_QR_TEXT_LENGTH || !ALPHANUMERIC.test(text)) {
    throw new CredentialError('INVALID_ARGUMENT', 'QR text must be 1 to 4296 QR alphanumeric characters');
  }
  return [{ data: text, mode: 'alphanumeric' }];
}

function checkedInteger(
  value: number | undefined,
  min: number,
  max: number,
  name: string,
): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CredentialError('INVALID_ARGUMENT', `${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

async function render<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    // qrcode's only data error: more than version 40 holds at this error correction level.
    throw new CredentialError('INPUT_TOO_LARGE', 'QR text does not fit in a QR code', { cause: error });
  }
}

/**
 * Draws QR text as a PNG, in alphanumeric mode at error correction Q.
 *
 * @throws CredentialError `INVALID_ARGUMENT` for text outside the alphanumeric set or bad options;
 *   `INPUT_TOO_LARGE` when the text does not fit in a version-40 QR code at level Q.
 *
 * @example
 * await writeFile('qr.png', await renderQrPng(encodeQrText(jws), { scale: 6 }));
 */
export function renderQrPng(text: string, options: QrPngOptions = {}): Promise<Buffer> {
  return render(() => {
    const scale = checkedInteger(options.scale, 1, 32, 'scale') ?? 4;
    const margin = checkedInteger(options.margin, 0, 16, 'margin') ?? 4;
    return QRCode.toBuffer(segments(text), {
      type: 'png',
      errorCorrectionLevel: ERROR_CORRECTION,
      scale,
      margin,
    });
  });
}

/**
 * Draws QR text as an SVG document, in alphanumeric mode at error correction Q.
 *
 * @throws CredentialError as {@link renderQrPng}.
 */
export function renderQrSvg(text: string): Promise<string> {
  return render(() =>
    QRCode.toString(segments(text), { type: 'svg', errorCorrectionLevel: ERROR_CORRECTION }),
  );
}

/** A QR symbol as vector outlines: what a PDF or any vector canvas draws without an image. */
export interface QrModulePath {
  /** Modules per side, without a quiet zone (17 + 4 × version). */
  size: number;
  /**
   * SVG path data in module units, y down from the symbol's top-left corner: one rectangle per run of
   * dark modules in a row (`M x y h n v 1 h -n z`).
   */
  path: string;
}

/**
 * Draws QR text as vector outlines, in alphanumeric mode at error correction Q (the symbol
 * {@link renderQrPng} draws, without its quiet zone): a printed certificate stays sharp at any size
 * and needs no image to be encoded and embedded.
 *
 * @throws CredentialError as {@link renderQrPng}.
 */
export function qrModulePath(text: string): QrModulePath {
  const { modules } = symbolOf(text);
  const { size } = modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  return { size, path: parts.join('') };
}

/**
 * The QR version (1 to 40; the symbol is 17 + 4 × version modules wide) that {@link renderQrPng} draws
 * for `text`: a size measure to compare with other formats.
 *
 * @throws CredentialError as {@link renderQrPng}.
 */
export function qrVersionFor(text: string): number {
  return symbolOf(text).version;
}

/** The QR symbol of `text` (alphanumeric, level Q), with qrcode's errors made CredentialErrors. */
function symbolOf(text: string): QRCode.QRCode {
  try {
    return QRCode.create(segments(text), { errorCorrectionLevel: ERROR_CORRECTION });
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    throw new CredentialError('INPUT_TOO_LARGE', 'QR text does not fit in a QR code', { cause: error });
  }
}
