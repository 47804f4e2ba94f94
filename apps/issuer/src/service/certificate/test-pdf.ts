import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

/** Test helper: what the first page of a PDF shows, read back with pdf-lib. */
export interface PdfContents {
  pages: number;
  width: number;
  images: number;
  /** The text of each line, its runs joined, decoded through each font's ToUnicode map. */
  lines: string[];
  text: string;
  /** Where each vector path starts (`x y m`, in the path's own units): the QR's rows of dark modules. */
  pathStarts: string[];
  /** Each font embedded: its BaseFont name, its font file and its glyph ids (hex) → text. */
  fonts: Array<{ name: string; file: Uint8Array; toUnicode: Map<string, string> }>;
}

function bytesOf(stream: PDFRawStream): Buffer {
  const flate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
  return flate ? inflateSync(stream.contents) : Buffer.from(stream.contents);
}

const nameOf = (object: PDFObject | undefined) => (object instanceof PDFName ? object.decodeText() : '');

/** A Type0 font's glyph ids → text, from its ToUnicode CMap (pdf-lib writes `bfchar` entries). */
function toUnicode(font: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const cmap = font.lookup(PDFName.of('ToUnicode'));
  if (!(cmap instanceof PDFRawStream)) return map;
  for (const [, gid, utf16] of bytesOf(cmap)
    .toString('latin1')
    .matchAll(/<([0-9A-F]{4})> <([0-9A-F]*)>/gi)) {
    map.set(
      (gid ?? '').toUpperCase(),
      Buffer.from(utf16 ?? '', 'hex')
        .swap16()
        .toString('utf16le'),
    );
  }
  return map;
}

function fontFile(font: PDFDict): Uint8Array {
  const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const file = descriptor.lookup(PDFName.of('FontFile2')) ?? descriptor.lookup(PDFName.of('FontFile3'));
  return file instanceof PDFRawStream ? bytesOf(file) : new Uint8Array();
}

/** Test helper: reads a certificate PDF's first page (see {@link PdfContents}). */
export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  const pdf = await PDFDocument.load(bytes);
  const [page] = pdf.getPages();
  if (page === undefined) throw new Error('the PDF has no page');
  const resources = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  const fonts = new Map<PDFObject, PdfContents['fonts'][number]>();
  for (const [key, ref] of resources?.entries() ?? []) {
    const font = pdf.context.lookup(ref, PDFDict);
    const map = toUnicode(font);
    maps.set(key.decodeText(), map);
    fonts.set(ref, { name: nameOf(font.get(PDFName.of('BaseFont'))), file: fontFile(font), toUnicode: map });
  }
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  const lines: string[] = [];
  const pathStarts: string[] = [];
  let [map, y, lastY] = [new Map<string, string>(), '', ''];
  for (const ref of streams) {
    const stream = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
    if (!(stream instanceof PDFRawStream)) continue;
    for (const [, at] of bytesOf(stream)
      .toString('latin1')
      .matchAll(/^(\S+ \S+) m$/gm))
      pathStarts.push(at ?? '');
    const ops = /\/(\S+) [\d.]+ Tf|1 0 0 1 \S+ (\S+) Tm|<([0-9A-F]*)> Tj/gi;
    for (const [, font, at, hex] of bytesOf(stream).toString('latin1').matchAll(ops)) {
      if (font !== undefined) map = maps.get(font) ?? new Map();
      if (at !== undefined) y = at;
      if (hex === undefined) continue;
      const text = (hex.match(/.{4}/g) ?? []).map((gid) => map.get(gid.toUpperCase()) ?? '\uFFFD').join('');
      if (y === lastY && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
      lastY = y;
    }
  }
  let images = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) {
      images++;
    }
  }
  return {
    pages: pdf.getPageCount(),
    width: page.getWidth(),
    images,
    pathStarts,
    lines,
    text: lines.join('\n'),
    fonts: [...fonts.values()],
  };
}
