import { describe, expect, it } from 'vitest';
import { checkEnvelope, checkPresentationModel, parseDataUrl } from './vcdm2-presentation.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const envelope = {
  '@context': V2,
  type: 'EnvelopedVerifiableCredential',
  id: 'data:application/vc+jwt,e30.e30.AA',
};
const presentation = {
  '@context': [V2],
  type: 'VerifiablePresentation',
  holder: 'did:example:alice',
  verifiableCredential: [envelope],
};
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('parseDataUrl (RFC 2397)', () => {
  it('reads the media type, base64 flag and data', () => {
    expect(parseDataUrl('data:application/vc+cose;base64,0oRD')).toEqual({
      mediaType: 'application/vc+cose',
      base64: true,
      data: '0oRD',
    });
    expect(parseDataUrl('data:Application/VP+JWT,a.b.c')).toEqual({
      mediaType: 'application/vp+jwt',
      base64: false,
      data: 'a.b.c',
    });
  });

  it.each(['a.b.c', 'data:application/vc+jwt', 'data:,x', 'data:nonsense,x', 42])(
    'is undefined for %s',
    (value) => {
      expect(parseDataUrl(value)).toBeUndefined();
    },
  );
});

describe('checkEnvelope (VC Data Model 2.0 §4.13.1–2)', () => {
  it('accepts the base context as a string or in an array', () => {
    expect(checkEnvelope(envelope, 'EnvelopedVerifiableCredential')).toEqual([]);
    expect(
      checkEnvelope(
        { ...envelope, '@context': [V2, 'https://example.org/v1'] },
        'EnvelopedVerifiableCredential',
      ),
    ).toEqual([]);
  });

  it.each([
    ['no base context', { '@context': [] }, '@context'],
    ['another context only', { '@context': 'https://www.w3.org/ns/credentials/examples/v2' }, '@context'],
    ['an id that is not a data: URL', { id: 'e30.e30.AA' }, 'id'],
    ['no type', { type: undefined }, 'type'],
    ['another type', { type: 'VerifiableCredential' }, 'type'],
    ['a second type', { type: ['EnvelopedVerifiableCredential', 'VerifiableCredential'] }, 'type'],
  ])('refuses %s', (_name, change, path) => {
    expect(paths(checkEnvelope({ ...envelope, ...change }, 'EnvelopedVerifiableCredential'))).toEqual([path]);
  });
});

describe('checkPresentationModel (VC Data Model 2.0 §4.13)', () => {
  it('accepts a presentation of enveloped credentials, or of none', () => {
    expect(checkPresentationModel(presentation)).toEqual([]);
    expect(checkPresentationModel({ '@context': [V2], type: ['VerifiablePresentation'] })).toEqual([]);
  });

  it.each([
    ['no type', { type: undefined }, ['type']],
    ['no VerifiablePresentation type', { type: ['VerifiableCredential'] }, ['type']],
    ['the base context not first', { '@context': ['https://example.org/v1', V2] }, ['@context.0']],
    ['a holder that is not a URL', { holder: 'alice' }, ['holder']],
    ['a holder object without a URL id', { holder: { name: 'Alice' } }, ['holder.id']],
    ['an id that is not a URL', { id: 'not a url' }, ['id']],
    [
      'an unsecured credential',
      { verifiableCredential: [{ '@context': [V2], type: ['VerifiableCredential'] }] },
      ['verifiableCredential.0.type', 'verifiableCredential.0.id'],
    ],
    ['a credential given as text', { verifiableCredential: 'e30.e30.AA' }, ['verifiableCredential']],
  ])('refuses %s', (_name, change, expected) => {
    expect(paths(checkPresentationModel({ ...presentation, ...change }))).toEqual(expected);
  });
});
