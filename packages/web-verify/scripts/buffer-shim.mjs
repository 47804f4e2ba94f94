// The one use of Node's Buffer in the modules the browser bundle reuses: `Buffer.from(text, 'utf8')`
// in packages/credentials/src/qr/dictionary.ts, at load. Anything else fails loudly.
export const Buffer = {
  from(value, encoding) {
    if (typeof value === 'string' && encoding === 'utf8') return new TextEncoder().encode(value);
    throw new Error('web-verify: Buffer is not available in the browser');
  },
};
