import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VerifierError } from './errors.js';
import { fileTrustSource, loadTrustFile, parseTrustFile } from './trust-source.js';

const did = 'did:web:health.example:authorities:moph';
const publicKeyJwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
const file = (entries: unknown[]) => JSON.stringify({ entries });
const entry = {
  framework: 'passage',
  did,
  name: 'Ministry of Public Health',
  economy: 'THA',
  types: ['VaccinationCertificate'],
  keys: [{ kid: `${did}#key-1`, publicKeyJwk }],
};

function tempFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trust-')), 'trust.json');
  writeFileSync(path, text);
  return path;
}

describe('trust file', () => {
  it('a missing file trusts nobody', () => {
    expect(loadTrustFile('/nonexistent/trust.json').findIssuer(did)).toBeUndefined();
  });

  it('loads an entry', () => {
    expect(parseTrustFile(file([entry])).findIssuer(did)).toBeDefined();
  });

  it('TRUST_FILE_INVALID for broken JSON', () => {
    expect(() => parseTrustFile('{')).toThrow(expect.objectContaining({ code: 'TRUST_FILE_INVALID' }));
  });

  it('TRUST_FILE_INVALID for a wrong shape', () => {
    expect(() => parseTrustFile(file([{ did: 42 }]))).toThrow(VerifierError);
  });

  it('reloads a changed file and keeps the last good one when the new one is broken', () => {
    const path = tempFile(file([]));
    const errors: string[] = [];
    const source = fileTrustSource(path, { checkIntervalMs: 0, onError: (e) => errors.push(e.code) });
    expect(source.current().findIssuer(did)).toBeUndefined();

    writeFileSync(path, file([entry]));
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(source.current().findIssuer(did)).toBeDefined();

    writeFileSync(path, '{ broken');
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    expect(source.current().findIssuer(did)).toBeDefined();
    expect(errors).toEqual(['TRUST_FILE_INVALID']);
  });
});
