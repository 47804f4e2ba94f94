import { z } from 'zod';
import { findCredentialStatus, generationLists, type StatusAction, stateOf } from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import { issuesToDetails } from './details.js';
import { type CredentialStatusView, changeStatus, normalizeCredentialId } from './status.js';
import { statusListUrl } from './status-issue.js';

/**
 * VC-API `updateCredentialStatus` request (`POST /credentials/status`): which credential, which of its
 * status entries, and the new value of that entry's bit.
 */
export const vcApiStatusRequestSchema = z.strictObject({
  credentialId: z.string().min(1).max(200),
  credentialStatus: z.strictObject({
    id: z.string().optional(),
    type: z.enum(['BitstringStatusListEntry', 'BitstringStatusList', 'BitstringStatusListCredential']),
    statusPurpose: z.enum(['revocation', 'suspension']),
    statusListIndex: z.string().optional(),
    statusListCredential: z.string().optional(),
  }),
  /** True sets the bit of `statusPurpose` (revoke, suspend); false clears it (reinstate). Default: true. */
  status: z.boolean().default(true),
  indexAllocator: z.string().optional(),
});

const ACTIONS = {
  revocation: { true: 'revoke', false: undefined },
  suspension: { true: 'suspend', false: 'reinstate' },
} as const satisfies Record<string, Record<'true' | 'false', StatusAction | undefined>>;

function badRequest(path: string, message: string): IssuerError {
  return new IssuerError('MALFORMED_INPUT', 'the status entry does not match the credential', [
    { path, message },
  ]);
}

/**
 * Sets or clears one status bit of one of the caller's credentials, the VC-API way. A given
 * `statusListIndex`, `statusListCredential` or entry `id` must be the credential's own. Clearing the
 * revocation bit of a revoked credential is refused (revocation is final); clearing a clear bit is a no-op.
 *
 * @throws IssuerError `MALFORMED_INPUT` (400), `NOT_FOUND` (404), `CREDENTIAL_REVOKED` (409)
 */
export async function updateStatusVcApi(
  ctx: IssuerContext,
  caller: Caller,
  body: unknown,
): Promise<CredentialStatusView> {
  const parsed = vcApiStatusRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new IssuerError(
      'MALFORMED_INPUT',
      'the request must be {credentialId, credentialStatus, status}',
      issuesToDetails(parsed.error),
    );
  }
  const { credentialId, credentialStatus: entry, status } = parsed.data;
  const id = normalizeCredentialId(credentialId);
  const record = await findCredentialStatus(ctx.db, id, caller.authority.id);
  if (!record) throw new IssuerError('NOT_FOUND', 'no such credential');
  const lists = await generationLists(ctx.db, record.authorityId, record.generation);
  const listId = lists[entry.statusPurpose]?.id;
  const url = listId === undefined ? undefined : statusListUrl(ctx, listId);
  if (entry.statusListIndex !== undefined && entry.statusListIndex !== String(record.index)) {
    throw badRequest('credentialStatus.statusListIndex', "is not the credential's index");
  }
  if (entry.statusListCredential !== undefined && entry.statusListCredential !== url) {
    throw badRequest('credentialStatus.statusListCredential', "is not the credential's list");
  }
  if (entry.id !== undefined && entry.id !== `${url}#${record.index}`) {
    throw badRequest('credentialStatus.id', "is not the credential's entry");
  }
  const action = ACTIONS[entry.statusPurpose][status ? 'true' : 'false'];
  if (action === undefined) {
    if (record.revoked) throw new IssuerError('CREDENTIAL_REVOKED', 'revocation is final');
    return { id, status: stateOf(record), changedAt: record.changedAt };
  }
  return changeStatus(ctx, caller, id, action);
}
