import { describe, expect, it } from 'vitest';
import { isLoopbackHttp, offerFromQuery, offerFromText, offerIssuerUrl, withoutOffer } from './offer.js';

const offer = { credential_issuer: 'https://issuer.example', credential_configuration_ids: ['X'] };
const byValue = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;

describe('reading an offer', () => {
  it('takes an openid-credential-offer URI as it is, trimmed', () => {
    expect(offerFromText(`  ${byValue}\n`)).toBe(byValue);
  });

  it('takes a wallet link and gives the offer it carries', () => {
    const link = `https://wallet.example/?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
    expect(offerIssuerUrl(offerFromText(link))).toBe('https://issuer.example');
  });

  it('takes an offer by reference', () => {
    const uri = offerFromText('https://w.example/?credential_offer_uri=https%3A%2F%2Fi.example%2Fo%2F1');
    expect(offerIssuerUrl(uri)).toBe('https://i.example/o/1');
  });

  it('refuses text that is no offer (OFFER_INVALID)', () => {
    expect(() => offerFromText('PV1:NCF…')).toThrow(expect.objectContaining({ code: 'OFFER_INVALID' }));
    expect(() => offerFromText('https://wallet.example/?q=1')).toThrow(
      expect.objectContaining({ code: 'OFFER_INVALID' }),
    );
    expect(() => offerFromText('ftp://x/?credential_offer=%7B%7D')).toThrow(
      expect.objectContaining({ code: 'OFFER_INVALID' }),
    );
  });

  it('reads the page query and clears it from the address', () => {
    const search = `?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`;
    expect(offerIssuerUrl(offerFromQuery(search) ?? '')).toBe('https://issuer.example');
    expect(offerFromQuery('?x=1')).toBeUndefined();
    expect(withoutOffer(`https://wallet.example/${search}&lang=en#/`)).toBe(
      'https://wallet.example/?lang=en#/',
    );
  });
});

describe('plain http issuers', () => {
  it('is allowed on this device only', () => {
    expect(isLoopbackHttp('http://127.0.0.1:4001')).toBe(true);
    expect(isLoopbackHttp('http://localhost:4001')).toBe(true);
    expect(isLoopbackHttp('http://issuer.example')).toBe(false);
    expect(isLoopbackHttp('https://127.0.0.1')).toBe(false);
  });
});
