import { describe, expect, it } from 'vitest';
import { dccTypesOf, keyUsageAllows } from './key-usage.js';

const ARC = '1.3.6.1.4.1.1847.2021.1.';
const LEGACY = '1.3.6.1.4.1.0.1847.2021.1.';

describe('DSC extended key usage', () => {
  it('allows every type when the DSC has no DCC usage at all', () => {
    expect(keyUsageAllows([], ['test', 'vaccination', 'recovery'])).toBe(true);
    expect(keyUsageAllows(['1.3.6.1.5.5.7.3.2'], ['vaccination'])).toBe(true);
  });

  it('allows only the listed types, under either arc', () => {
    expect(keyUsageAllows([`${ARC}2`], ['vaccination'])).toBe(true);
    expect(keyUsageAllows([`${ARC}2`], ['test'])).toBe(false);
    expect(keyUsageAllows([`${LEGACY}1`], ['test'])).toBe(true);
    expect(keyUsageAllows([`${LEGACY}1`], ['recovery'])).toBe(false);
  });

  it('does not take an OID that merely starts like a DCC usage for one', () => {
    expect(keyUsageAllows([`${ARC}22`], ['test'])).toBe(true);
    expect(keyUsageAllows([`${ARC}22`, `${ARC}3`], ['test'])).toBe(false);
  });

  it('needs a usage for every group a payload carries', () => {
    const types = dccTypesOf({ v: [{}], t: [{}] });
    expect(types).toEqual(['test', 'vaccination']);
    expect(keyUsageAllows([`${ARC}2`], types)).toBe(false);
  });
});
