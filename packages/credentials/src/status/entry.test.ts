import { describe, expect, it } from 'vitest';
import { statusListEntry } from './entry.js';

describe('statusListEntry', () => {
  const url = 'https://health.example.go.th/status-lists/moph-0-revocation';

  it('points at the index of the list, the index as a decimal string', () => {
    expect(statusListEntry(url, 'revocation', 104_729)).toEqual({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '104729',
      statusListCredential: url,
    });
  });

  it('writes no entry id (optional, and costly in a QR code)', () => {
    expect(Object.keys(statusListEntry(url, 'suspension', 0))).not.toContain('id');
  });
});
