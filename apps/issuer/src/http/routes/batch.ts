import type { CredentialType } from '@passage/schema';
import express, { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { IssuerError } from '../../errors.js';
import { issueBatch, MAX_BATCH_ITEMS } from '../../service/issue-batch.js';
import type { IssuerService } from '../../service/issuer-service.js';
import { callerOf, requireApiKey } from '../auth.js';

const itemSchema = z
  .object({
    idempotencyKey: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7e]+$/)
      .optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
const batchSchema = z.array(itemSchema).min(1).max(MAX_BATCH_ITEMS);
const JSON_LINES = ['application/jsonl', 'application/x-ndjson', 'application/jsonlines'];

function itemsOf(req: Request): unknown {
  if (typeof req.body === 'string') {
    try {
      return req.body
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown);
    } catch {
      throw new IssuerError('MALFORMED_INPUT', 'a line of the batch is not JSON');
    }
  }
  if (Array.isArray(req.body)) return req.body;
  throw new IssuerError('UNSUPPORTED_MEDIA_TYPE', 'send a JSON array or JSON lines');
}

/**
 * `POST /v1/vaccination-certificates/batch` and `POST /v1/travel-cards/batch`: up to
 * {@link MAX_BATCH_ITEMS} items `{ idempotencyKey?, data }` as a JSON array or JSON lines, answered
 * `200 { results: [{ index, ok, id, qr } | { index, ok: false, code }] }` in request order. Mounted
 * before the app's 64 kB JSON parser, with a parser of its own sized for a full batch.
 */
export function batchRoutes(service: IssuerService): Router {
  const router = Router();
  const auth = requireApiKey(service);
  const parsers = [
    express.json({ limit: '4mb', type: ['application/json'] }),
    express.text({ limit: '4mb', type: JSON_LINES }),
  ];
  const batch = (type: CredentialType) => async (req: Request, res: Response) => {
    const parsed = batchSchema.safeParse(itemsOf(req));
    if (!parsed.success) {
      throw new IssuerError(
        'MALFORMED_INPUT',
        `a batch is 1 to ${MAX_BATCH_ITEMS} items { idempotencyKey?, data }`,
      );
    }
    const items = parsed.data.map((item) => ({
      body: item.data,
      ...(item.idempotencyKey === undefined ? {} : { idempotencyKey: item.idempotencyKey }),
    }));
    const results = await issueBatch(service, callerOf(res), type, items);
    res.status(200).json({ results });
  };
  router.post('/v1/vaccination-certificates/batch', auth, ...parsers, batch('VaccinationCertificate'));
  router.post('/v1/travel-cards/batch', auth, ...parsers, batch('BusinessTravelCard'));
  return router;
}
