import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCredentialError } from '../errors.js';
import { MAX_JWS_LENGTH } from '../jws/compact.js';
import { getStatusBit } from './bits.js';
import { encodeStatusList } from './bitstring.js';
import { type StatusAuthority, signedStatusList, statusAuthority } from './fixtures.js';
import { verifyStatusListCredential } from './list-credential.js';

const url = 'http://127.0.0.1:4001/status-lists/r1';
const now = Date.parse('2025-06-01T00:00:00Z');
let authority: StatusAuthority;

beforeAll(async () => {
  authority = await statusAuthority();
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return error.code;
  }
}

/** The code a list signed by the authority, after `edit`, is refused with. */
async function refusalOf(edit: (credential: Record<string, unknown>) => void): Promise<string | undefined> {
  const jws = await signedStatusList(authority, { url, edit });
  return codeOf(() => verifyStatusListCredential(jws, { url, trust: authority.trust, now }));
}

const subjectOf = (credential: Record<string, unknown>) =>
  credential.credentialSubject as Record<string, unknown>;

describe('verifyStatusListCredential', () => {
  it('verifies a signed list and expands its bits once', async () => {
    const jws = await signedStatusList(authority, { url, set: [0, 42], ttlMs: 1000 });
    const list = verifyStatusListCredential(jws, { url, trust: authority.trust, now, purpose: 'revocation' });
    expect(list).toMatchObject({ url, issuer: authority.did, purposes: ['revocation'], ttlMs: 1000 });
    expect(list.kid).toBe(`${authority.did}#key-1`);
    expect(list.validFrom).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(list.bits.length * 8).toBe(131_072);
    expect([getStatusBit(list.bits, 0), getStatusBit(list.bits, 1), getStatusBit(list.bits, 42)]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('refuses a list whose issuer is not trusted', async () => {
    const other = await statusAuthority('https://other.example');
    const jws = await signedStatusList(other, { url });
    expect(codeOf(() => verifyStatusListCredential(jws, { url, trust: authority.trust, now }))).toBe(
      'ISSUER_NOT_TRUSTED',
    );
  });

  it('refuses a list whose signature does not cover its payload', async () => {
    const [header, payload] = (await signedStatusList(authority, { url, set: [1] })).split('.');
    const signature = (await signedStatusList(authority, { url })).split('.')[2];
    const jws = `${header}.${payload}.${signature}`;
    expect(codeOf(() => verifyStatusListCredential(jws, { url, trust: authority.trust, now }))).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('refuses a list served at another URL than its id', async () => {
    const jws = await signedStatusList(authority, { url: `${url}-old` });
    expect(codeOf(() => verifyStatusListCredential(jws, { url, trust: authority.trust, now }))).toBe(
      'DECODING_FAILED',
    );
  });

  it('refuses a credential that is not a BitstringStatusListCredential', async () => {
    expect(
      await refusalOf((c) => {
        c.type = ['VerifiableCredential'];
      }),
    ).toBe('DECODING_FAILED');
  });

  it('refuses a list of another purpose than asked', async () => {
    const jws = await signedStatusList(authority, { url, purpose: 'suspension' });
    const options = { url, trust: authority.trust, now, purpose: 'revocation' };
    expect(codeOf(() => verifyStatusListCredential(jws, options))).toBe('DECODING_FAILED');
  });

  it('refuses a list shorter than the spec minimum', async () => {
    expect(
      await refusalOf((c) => {
        subjectOf(c).encodedList = encodeStatusList(new Uint8Array(1024));
      }),
    ).toBe('DECODING_FAILED');
  });

  it('refuses an expired list', async () => {
    expect(
      await refusalOf((c) => {
        c.validUntil = '2025-02-01T00:00:00Z';
      }),
    ).toBe('EXPIRED');
  });

  it('refuses an encodedList that is not GZIP', async () => {
    expect(
      await refusalOf((c) => {
        subjectOf(c).encodedList = 'uAAAA';
      }),
    ).toBe('INVALID_COMPRESSION');
  });

  it('reads a list of 1,000,000 random bits, larger than a credential JWS may be', async () => {
    const bits = randomBytes(125_000);
    const jws = await signedStatusList(authority, {
      url,
      edit: (c) => {
        subjectOf(c).encodedList = encodeStatusList(bits);
      },
    });
    expect(jws.length).toBeGreaterThan(MAX_JWS_LENGTH);
    const list = verifyStatusListCredential(jws, { url, trust: authority.trust, now });
    expect(Buffer.from(list.bits).equals(bits)).toBe(true);
  });
});
