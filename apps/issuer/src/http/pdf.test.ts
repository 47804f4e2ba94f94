import { inflateSync } from 'node:zlib';
import { exampleTravelCardInput, exampleVaccinationInput } from '@passage/schema';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
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

/** The page count, whether an image is embedded, and the text drawn (pdf-lib writes hex strings). */
async function readPdf(
  bytes: Buffer,
): Promise<{ pages: number; width: number; images: number; text: string }> {
  const pdf = await PDFDocument.load(bytes);
  let images = 0;
  let text = '';
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) images++;
    const filter = object.dict.get(PDFName.of('Filter'));
    const content =
      filter === PDFName.of('FlateDecode') ? inflateSync(object.contents).toString('latin1') : '';
    for (const match of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      text += `${Buffer.from(match[1] ?? '', 'hex').toString('latin1')}\n`;
    }
  }
  const [page] = pdf.getPages();
  return { pages: pdf.getPageCount(), width: page?.getWidth() ?? 0, images, text };
}

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
  it('is one A4 page with the QR image and the holder, doses, issuer and credential id', async () => {
    const self = await issue(health, '/v1/vaccination-certificates', exampleVaccinationInput);
    const res = await getPdf(self, health).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, width, images, text } = await readPdf(res.body);
    expect(pages).toBe(1);
    expect(Math.round(width)).toBe(595);
    expect(images).toBe(1);
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

  it("is another authority's 404", async () => {
    const self = await issue(health, '/v1/vaccination-certificates', exampleVaccinationInput);
    const res = await request(app).get(`${self}/certificate.pdf`).set(bearer(immigration));
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
