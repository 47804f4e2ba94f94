import { describe, expect, it } from 'vitest';
import { encodeQrText } from './encode.js';
import { SAMPLE_VACCINATION_CREDENTIAL, signSample } from './fixtures.js';
import { qrModulePath, qrVersionFor, renderQrPng, renderQrSvg } from './render.js';

const text = encodeQrText(signSample(SAMPLE_VACCINATION_CREDENTIAL, 'ES256').jws);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function rejectionCode(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error as { code?: unknown }).code,
  );
}

describe('renderQrPng', () => {
  it('draws a PNG', async () => {
    const png = await renderQrPng(text);
    expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
  });

  it('scales the image', async () => {
    const small = await renderQrPng(text, { scale: 1, margin: 0 });
    const large = await renderQrPng(text, { scale: 8 });
    // PNG width is the big-endian integer at byte 16.
    expect(large.readUInt32BE(16)).toBeGreaterThan(small.readUInt32BE(16) * 7);
  });

  it('refuses a fractional scale', async () => {
    expect(await rejectionCode(renderQrPng(text, { scale: 2.5 }))).toBe('INVALID_ARGUMENT');
  });

  it('refuses lowercase text, which alphanumeric mode cannot hold', async () => {
    expect(await rejectionCode(renderQrPng('pv1:abc'))).toBe('INVALID_ARGUMENT');
  });

  it('refuses text too long for a version-40 code at level Q', async () => {
    expect(await rejectionCode(renderQrPng('A'.repeat(3000)))).toBe('INPUT_TOO_LARGE');
  });
});

describe('renderQrSvg', () => {
  it('draws an SVG document', async () => {
    expect(await renderQrSvg(text)).toContain('<svg');
  });
});

describe('qrVersionFor', () => {
  it('grows with the text', () => {
    expect(qrVersionFor('PV1:A')).toBe(1);
    expect(qrVersionFor(text)).toBeGreaterThan(10);
    expect(qrVersionFor(text)).toBeLessThanOrEqual(40);
  });
});

describe('qrModulePath', () => {
  it('outlines exactly the dark modules of the symbol renderQrPng draws', async () => {
    const { size, path } = qrModulePath(text);
    expect(size).toBe(17 + 4 * qrVersionFor(text));
    // Paint the path's rectangles back into a grid, then read the same grid off qrcode's own SVG.
    const painted = new Set<string>();
    for (const [, x, y, n] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(n); i++) painted.add(`${Number(x) + i},${y}`);
    }
    expect(path.replace(/M\d+ \d+h\d+v1h-\d+z/g, '')).toBe('');
    const svg = await renderQrSvg(text);
    const drawn = new Set<string>();
    const quiet = 4;
    const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    let [col, row] = [0, 0];
    for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      if (op === 'M') [col, row] = [Number(a), Number(b) - 0.5];
      else if (op === 'm') [col, row] = [col + Number(a), row + Number(b)];
      else {
        for (let i = 0; i < Number(a); i++) drawn.add(`${col + i - quiet},${row - quiet}`);
        col += Number(a);
      }
    }
    expect(drawn.size).toBeGreaterThan(size);
    expect(painted).toEqual(drawn);
  });

  it('refuses what renderQrPng refuses, with the same codes', () => {
    expect(() => qrModulePath('lowercase')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => qrModulePath('A'.repeat(4296))).toThrow(
      expect.objectContaining({ code: 'INPUT_TOO_LARGE' }),
    );
  });
});
