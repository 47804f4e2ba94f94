import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test helper: writes a TrueType collection (.ttc) of `files` into `folder`, as a stand-in for Noto
 * Sans CJK's collection, which the tests cannot count on. Each font keeps its tables; a collection's
 * table offsets count from the start of the collection, so each is moved by where its font starts.
 */
export function writeCollection(folder: string, files: readonly string[]): string {
  const fonts = files.map((file) => readFileSync(file));
  const header = 12 + 4 * fonts.length;
  const starts: number[] = [];
  let end = header;
  for (const font of fonts) {
    starts.push(end);
    end += Math.ceil(font.length / 4) * 4;
  }
  const ttc = Buffer.alloc(end);
  ttc.write('ttcf', 0, 'latin1');
  ttc.writeUInt16BE(1, 4);
  ttc.writeUInt32BE(fonts.length, 8);
  fonts.forEach((font, i) => {
    const start = starts[i] ?? 0;
    ttc.writeUInt32BE(start, 12 + 4 * i);
    font.copy(ttc, start);
    for (let table = 0; table < font.readUInt16BE(4); table++) {
      const offset = start + 12 + 16 * table + 8;
      ttc.writeUInt32BE(ttc.readUInt32BE(offset) + start, offset);
    }
  });
  const file = join(folder, 'collection.ttc');
  writeFileSync(file, ttc);
  return file;
}
