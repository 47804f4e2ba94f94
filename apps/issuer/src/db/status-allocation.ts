import type { Kysely } from 'kysely';
import { reserveIndex } from './credential-status.js';
import { IssuerDbError } from './errors.js';
import type { IssuerTables } from './schema.js';
import { chooseStatusIndex } from './status-choice.js';
import { generationLists, type StatusListRecord } from './status-lists.js';

/** Rounds before giving up: only lost races start a new round. */
const MAX_ROUNDS = 32;

/** The index a credential got, and the two lists (same generation) it sits in. */
export interface AllocatedStatus {
  generation: number;
  index: number;
  revocation: StatusListRecord;
  suspension: StatusListRecord;
}

/** What {@link allocateStatusIndex} needs. */
export interface AllocationInput {
  authorityId: string;
  credentialId: string;
  /** Size of a new generation's lists; an existing generation keeps the size it was made with. */
  listSize: number;
  now: Date;
  /** Uniform integer in [0, max); a CSPRNG by default, so indexes say nothing about issuance order. */
  random?: (max: number) => number;
}

/**
 * Gives a credential a random free index in the current generation of its authority's status lists
 * and takes it at once (issuing takes its index with the credential instead: `recordIssued`). The
 * index is chosen as {@link chooseStatusIndex} does; the unique constraint on
 * `(authority, generation, index)` settles concurrent callers: the loser chooses again.
 *
 * @throws IssuerDbError `CREDENTIAL_EXISTS` when the credential already has an index
 */
export async function allocateStatusIndex(
  db: Kysely<IssuerTables>,
  input: AllocationInput,
): Promise<AllocatedStatus> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const chosen = await chooseStatusIndex(db, input);
    const { generation, index } = chosen;
    if (await reserveIndex(db, { ...input, generation, index })) {
      const { revocation, suspension } = await generationLists(db, input.authorityId, generation, {
        withSigned: false,
      });
      if (!revocation || !suspension)
        throw new IssuerDbError('CORRUPT_ROW', 'a status list generation is incomplete');
      return { generation, index, revocation, suspension };
    }
  }
  throw new IssuerDbError('INVALID_ARGUMENT', 'no free status list index after repeated attempts');
}
