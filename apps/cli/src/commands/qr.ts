import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { renderQrPng, renderQrSvg } from '@passage/credentials';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, readInput } from '../io.js';

export const qrUsage = 'passage qr --out FILE.png|FILE.svg [TEXT | -]';

/** `passage qr`: renders QR text as a PNG or SVG file. */
export async function qrCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  const out = values.out;
  if (out === undefined || positionals.length > 1) throw new CliError('USAGE', qrUsage);
  const source = positionals[0] ?? '-';
  const text = (source === '-' ? await readInput(io, '-') : source).trim();
  if (text === '') throw new CliError('USAGE', qrUsage);
  const kind = extname(out).toLowerCase();
  if (kind === '.png') await writeFile(out, await renderQrPng(text));
  else if (kind === '.svg') await writeFile(out, await renderQrSvg(text), 'utf8');
  else throw new CliError('USAGE', `--out must end in .png or .svg. ${qrUsage}`);
  io.stdout(`${out}\n`);
  return EXIT.ok;
}
