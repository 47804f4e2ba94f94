import type { IncomingMessage, ServerResponse } from 'node:http';
import { envelopedCredential } from '@passage/credentials';
import type { CredentialType } from '@passage/schema';
import { sendJson } from '@passage/service-kit';
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { IssuerError } from '../../errors.js';
import type { IssuerService } from '../../service/issuer-service.js';
import type { IssuedCredential } from '../../service/persist.js';
import { callerOf, requireApiKey } from '../auth.js';
import { issuedBody } from '../representation.js';

const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII');
const formatSchema = z.enum(['vc+jwt', 'jwt']);
const vaccinationFormatSchema = z.enum(['vc+jwt', 'jwt', 'dcc', 'shc']);

/** The request's `Idempotency-Key`, checked; MALFORMED_INPUT when it is not one. */
export function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw new IssuerError('MALFORMED_INPUT', 'the Idempotency-Key header is not valid');
  return parsed.data;
}

function formatOf<T extends string>(req: Request, schema: z.ZodEnum<{ [K in T]: K }>): T | undefined {
  const raw = req.query.format;
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new IssuerError('MALFORMED_INPUT', `format must be ${schema.options.join(', ')}`);
  }
  return parsed.data;
}

/** DCC and SMART Health Cards carry no W3C status list entry: an answer says so instead of a `credentialStatus`. */
const NO_STATUS = {
  applicable: false,
  reason:
    'EU DCC and SMART Health Cards carry no W3C status list entry; this certificate cannot be suspended or revoked through Passage status lists',
};

function requireJson(req: Request): void {
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new IssuerError('UNSUPPORTED_MEDIA_TYPE', 'send the request as application/json');
  }
}

/**
 * Answers an issued credential as JSON in one write call: the body `res.json` would send, without
 * the ETag express would hash it for (an issuance is never revalidated).
 */
function answer(res: Response, status: number, issued: IssuedCredential, body: unknown): void {
  res.locals.credentialId = issued.id;
  res.location(`/v1/credentials/${issued.id}`);
  sendIssued(res, status, issued, body);
}

/** Writes an issued credential's answer (its `Location` set by the caller): status, `Idempotent-Replayed`, JSON. */
export function sendIssued(
  res: ServerResponse,
  status: number,
  issued: IssuedCredential,
  body: unknown,
): void {
  if (issued.replayed) res.setHeader('Idempotent-Replayed', 'true');
  sendJson(res, status, body);
}

/** `POST /v1/vaccination-certificates`, `POST /v1/travel-cards` and VC-API `POST /credentials/issue`. */
export function issueRoutes(service: IssuerService): Router {
  const router = Router();
  const auth = requireApiKey(service);
  const typed = (type: CredentialType) => async (req: Request, res: Response) => {
    requireJson(req);
    const issued = await service.issue(callerOf(res), type, req.body, {
      idempotencyKey: idempotencyKeyOf(req),
      format: formatOf(req, formatSchema),
    });
    answer(res, 201, issued, issuedBody(service.publicUrl, issued));
  };
  router.post('/v1/vaccination-certificates', auth, async (req, res) => {
    const format = formatOf(req, vaccinationFormatSchema);
    if (format !== 'dcc' && format !== 'shc') return typed('VaccinationCertificate')(req, res);
    requireJson(req);
    const issued = await service.issueForeign(callerOf(res), format, req.body, {
      idempotencyKey: idempotencyKeyOf(req),
    });
    answer(res, 201, issued, { ...issuedBody(service.publicUrl, issued), status: NO_STATUS });
  });
  router.post('/v1/travel-cards', auth, typed('BusinessTravelCard'));
  router.post('/credentials/issue', auth, async (req, res) => {
    requireJson(req);
    const issued = await service.issueGeneric(callerOf(res), req.body, {
      idempotencyKey: idempotencyKeyOf(req),
    });
    const verifiableCredential = issued.format === 'vc+jwt' ? envelopedCredential(issued.jws) : issued.jws;
    answer(res, 201, issued, { verifiableCredential });
  });
  return router;
}
