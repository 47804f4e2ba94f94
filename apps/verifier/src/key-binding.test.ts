import type { VerificationReport } from '@passage/credentials';
import { describe, expect, it } from 'vitest';
import { keyBindingAsked, withKeyBindingPolicy } from './key-binding.js';

describe('keyBindingAsked', () => {
  it.each([
    [{}, undefined],
    [{ requireKeyBinding: false }, undefined],
    [{ requireKeyBinding: true }, { required: true }],
    [{ challenge: 'n' }, { challenge: 'n' }],
    [{ challenge: 'n', requireKeyBinding: false }, { challenge: 'n' }],
    [
      { domain: 'd', requireKeyBinding: true },
      { required: true, domain: 'd' },
    ],
  ])('reads %o as %o', (ask, policy) => {
    expect(keyBindingAsked(ask)).toEqual(policy);
  });
});

describe('withKeyBindingPolicy', () => {
  const dcc: VerificationReport = {
    verified: true,
    format: 'dcc',
    checks: {
      decoding: { ok: true },
      signature: { ok: true },
      issuerTrusted: { ok: true },
      validity: { ok: true },
      status: { ok: true },
      schema: { ok: true },
    },
    errors: [],
    checkedAt: '2026-06-01T00:00:00.000Z',
  };

  it('fails a format that cannot carry key binding when key binding is required', () => {
    const report = withKeyBindingPolicy(dcc, { challenge: 'n' });
    expect([report.verified, report.checks.keyBinding, report.errors.map((e) => e.code)]).toEqual([
      false,
      { ok: false, code: 'KEY_BINDING_REQUIRED' },
      ['KEY_BINDING_REQUIRED'],
    ]);
    expect(dcc.checks.keyBinding).toBeUndefined();
  });

  it('leaves it as it is when key binding is not required', () => {
    expect(withKeyBindingPolicy(dcc, undefined)).toBe(dcc);
    expect(withKeyBindingPolicy(dcc, { challenge: 'n', required: false })).toBe(dcc);
  });
});
