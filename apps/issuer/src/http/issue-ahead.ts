import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CredentialType } from '@passage/schema';
import { type AheadHandler, requestIdOf } from '@passage/service-kit';
import type { Logger } from 'pino';
import { IssuerError } from '../errors.js';
import type { IssuerService } from '../service/issuer-service.js';
import { presentedKey } from './auth.js';
import { issuedBody } from './representation.js';
import { logRequest } from './request-log.js';
import { idempotencyKeyOf, sendIssued } from './routes/issue.js';

/** The typed issuing paths answered ahead of express, and the type each issues. */
export const ISSUE_AHEAD_PATHS: ReadonlyMap<string, CredentialType> = new Map([
  ['/v1/vaccination-certificates', 'VaccinationCertificate'],
  ['/v1/travel-cards', 'BusinessTravelCard'],
]);

/**
 * A single typed issuance (`POST /v1/vaccination-certificates` or `/v1/travel-cards`, a plain
 * `application/json` body, no query) answered before express sees it (`serveAhead`): the API key, the
 * issuance, the answer and the log line of the routes in routes/issue.ts. A failure (no key, a refused
 * body) goes to the app's problem handler, with the caller's authority for its log line.
 */
export function issueAhead(service: IssuerService, logger: Logger): AheadHandler {
  const issue = async (req: IncomingMessage, res: ServerResponse, type: CredentialType, body: unknown) => {
    const started = process.hrtime.bigint();
    const key = presentedKey(req);
    const caller = key === undefined ? undefined : await service.authenticate(key);
    if (!caller) throw new IssuerError('UNAUTHORIZED', 'a valid API key is required');
    Object.assign(res, { locals: { caller, authority: caller.authority.id } });
    const issued = await service.issue(caller, type, body, { idempotencyKey: idempotencyKeyOf(req) });
    const reqId = requestIdOf(req, res);
    // Typed issuances are always `urn:uuid:` ids: nothing in them for URL encoding to change.
    res.setHeader('Location', `/v1/credentials/${issued.id}`);
    sendIssued(res, 201, issued, issuedBody(service.publicUrl, issued));
    logRequest(logger, {
      reqId,
      method: req.method,
      route: req.url ?? '',
      status: 201,
      started,
      authority: caller.authority.id,
      credentialId: issued.id,
    });
  };
  return (req, res, body) => {
    const type = ISSUE_AHEAD_PATHS.get(req.url ?? '');
    return type === undefined ? false : issue(req, res, type, body);
  };
}
