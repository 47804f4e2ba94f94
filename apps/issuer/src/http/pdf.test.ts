import { qrModulePath } from '@passage/credentials';
import { exampleTravelCardInput, exampleVaccinationInput } from '@passage/schema';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import { readPdf } from '../service/certificate/test-pdf.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';
import { demoAuthorities } from './test-authorities.js';

let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let health: CreatedAuthority;
let immigration: CreatedAuthority;

beforeAll(async () => {
  ({ issuer, app } = await openTestApp());
  ({ health, immigration } = await demoAuthorities(issuer));
});

afterAll(() => issuer.close());

const bearer = (a: CreatedAuthority) => ({ authorization: `Bearer ${a.apiKey}` });

async function issue(authority: CreatedAuthority, path: string, body: object): Promise<string> {
  const res = await request(app).post(path).set(bearer(authority)).send(body).expect(201);
  return new URL(res.body.links.self).pathname;
}

function getPdf(self: string, authority: CreatedAuthority) {
  return request(app)
    .get(`${self}/certificate.pdf`)
    .set(bearer(authority))
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

describe('printable certificate', () => {
  it('is one A4 page with the QR and the holder, doses, issuer and credential id', async () => {
    const self = await issue(health, '/v1/vaccination-certificates', exampleVaccinationInput);
    const res = await getPdf(self, health).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, width, images, pathStarts, text } = await readPdf(res.body);
    expect(pages).toBe(1);
    expect(Math.round(width)).toBe(595);
    // The QR is drawn as vector outlines, one per run of dark modules: exactly the credential's symbol.
    expect(images).toBe(0);
    const { body } = await request(app).get(self).set(bearer(health)).expect(200);
    const runs = [...qrModulePath(body.qr).path.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => `${x} ${y}`);
    expect(runs.length).toBeGreaterThan(100);
    expect(pathStarts).toEqual(runs);
    expect(text).toContain('Vaccination Certificate');
    expect(text).toContain(exampleVaccinationInput.person.birthDate);
    expect(text).toContain('Dose 1');
    expect(text).toContain('Ministry of Public Health');
    expect(text).toContain(`urn:uuid:${self.split('/').at(-1)}`);
  });

  it('lists a travel card holder passport and pre-clearances', async () => {
    const self = await issue(immigration, '/v1/travel-cards', exampleTravelCardInput);
    const res = await getPdf(self, immigration).expect(200);
    const { text } = await readPdf(res.body);
    expect(text).toContain(exampleTravelCardInput.holder.passport.number);
    expect(text).toContain('Pre-cleared');
  });

  it('prints a Thai name in Thai, with a subset of Noto Sans Thai', async () => {
    const person = { ...exampleVaccinationInput.person, name: 'สมชาย ใจดี' };
    const self = await issue(health, '/v1/vaccination-certificates', { ...exampleVaccinationInput, person });
    const { lines, fonts } = await readPdf((await getPdf(self, health).expect(200)).body);
    expect(lines).toContain('Nameสมชาย ใจดี');
    const thai = fonts.find((f) => f.name.startsWith('NotoSansThai-Regular'));
    // The whole font file is 47 kB: a subset of the name's eight letters and marks is a few.
    expect(thai?.file.length).toBeGreaterThan(0);
    expect(thai?.file.length).toBeLessThan(10_000);
  });

  it('embeds no Thai font for a Latin name', async () => {
    const self = await issue(health, '/v1/vaccination-certificates', exampleVaccinationInput);
    const { fonts } = await readPdf((await getPdf(self, health).expect(200)).body);
    expect(fonts.map((f) => f.name.replace(/-\d+$/, '')).sort()).toEqual([
      'NotoSans-Bold',
      'NotoSans-Regular',
    ]);
  });

  it("is another authority's 404", async () => {
    const self = await issue(health, '/v1/vaccination-certificates', exampleVaccinationInput);
    const res = await request(app).get(`${self}/certificate.pdf`).set(bearer(immigration));
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
