import { describe, expect, it } from 'vitest';
import { quickVerifyRequest, verifyRequestSchema } from './requests.js';

const long = 'x'.repeat(64 * 1024);
const bodies: unknown[] = [
  { qr: 'PSG1:abc' },
  { qr: 'PSG1:abc', economy: 'THA' },
  { qr: long },
  { qr: `${long}x` },
  { qr: '' },
  { qr: 'PSG1:abc', economy: 'tha' },
  { qr: 'PSG1:abc', economy: 'THAI' },
  { qr: 'PSG1:abc', economy: null },
  { qr: 'PSG1:abc', economy: 7 },
  { qr: 7 },
  { qr: ['PSG1:abc'] },
  { economy: 'THA' },
  {},
  { qr: 'PSG1:abc', extra: 1 },
  { qr: 'PSG1:abc', credential: 'x' },
  { qr: 'PSG1:abc', at: '2026-01-01T00:00:00Z' },
  JSON.parse('{"qr":"PSG1:abc","__proto__":{"economy":"THA"}}'),
  Object.assign(Object.create({ economy: 'THA' }), { qr: 'PSG1:abc' }),
  ['PSG1:abc'],
  'PSG1:abc',
  null,
  undefined,
];

describe('quickVerifyRequest', () => {
  it.each(bodies.map((body, i) => [i, body]))('agrees with verifyRequestSchema (body %i)', (_i, body) => {
    const quick = quickVerifyRequest(body);
    const parsed = verifyRequestSchema.safeParse(body);
    // Where it answers, zod accepts the same body with the same value; where zod refuses, it declines.
    if (quick !== undefined) expect(parsed).toEqual({ success: true, data: quick });
    if (!parsed.success) expect(quick).toBeUndefined();
  });

  it('takes the common scanner body itself', () => {
    expect(quickVerifyRequest({ qr: 'PSG1:abc', economy: 'THA' })).toEqual({
      qr: 'PSG1:abc',
      economy: 'THA',
    });
  });
});
