import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleRuleSet, signRuleSet } from '@passage/rules';
import { createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { problemHandler } from '../problem.js';
import { registryRoutes } from './registry.js';

const { privateJwk } = generateOperatorKey();
const signed = signTrustList(createTrustList('Operator'), privateJwk);

function appWith(files: { trustList?: unknown; entryRules?: unknown }) {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const trustListFile = join(dir, 'trust-list.json');
  const entryRulesFile = join(dir, 'entry-rules.json');
  if (files.trustList !== undefined) writeFileSync(trustListFile, JSON.stringify(files.trustList));
  if (files.entryRules !== undefined) writeFileSync(entryRulesFile, JSON.stringify(files.entryRules));
  const app = express();
  app.use(registryRoutes({ publicUrl: 'https://issuer.example', trustListFile, entryRulesFile }));
  app.use(problemHandler(pino({ level: 'silent' })));
  return { app, trustListFile };
}

describe('registry routes', () => {
  it('serves the signed trust list byte for byte, with ETag and Cache-Control', async () => {
    const { app } = appWith({ trustList: signed });
    const res = await request(app).get('/trust-list').expect(200);
    expect(res.body).toEqual(signed);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.headers['cache-control']).toContain('max-age=300');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const { app } = appWith({ trustList: signed });
    const first = await request(app).get('/trust-list');
    await request(app)
      .get('/trust-list')
      .set('If-None-Match', first.headers.etag ?? '')
      .expect(304);
  });

  it('changes the ETag when the file is replaced', async () => {
    const { app, trustListFile } = appWith({ trustList: signed });
    const first = await request(app).get('/trust-list');
    writeFileSync(trustListFile, JSON.stringify(signTrustList(signed, privateJwk)));
    const second = await request(app).get('/trust-list').expect(200);
    expect(second.body.version).toBe(2);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('404 problem when no list is published', async () => {
    const res = await request(appWith({}).app).get('/trust-list').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('404 rather than serving an unsigned draft', async () => {
    const res = await request(appWith({ trustList: createTrustList('Operator') }).app).get('/trust-list');
    expect(res.status).toBe(404);
  });

  it('serves the JSON Schema of the trust list', async () => {
    const res = await request(appWith({}).app).get('/trust-list/schema.json').expect(200);
    expect(res.headers['content-type']).toContain('application/schema+json');
    expect(res.body.$id).toBe('https://issuer.example/trust-list/schema.json');
    expect(res.body.required).toContain('proof');
  });

  it('serves the signed entry rules, not unsigned ones', async () => {
    const rules = signRuleSet(exampleRuleSet, privateJwk);
    const res = await request(appWith({ entryRules: rules }).app)
      .get('/entry-rules')
      .expect(200);
    expect(res.body.version).toBe(rules.version);
    await request(appWith({ entryRules: exampleRuleSet }).app)
      .get('/entry-rules')
      .expect(404);
  });
});
