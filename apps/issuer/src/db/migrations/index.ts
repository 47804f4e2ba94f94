import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as status from './0002-status.js';
import * as statusBuckets from './0003-status-buckets.js';
import * as credentialOffers from './0004-credential-offers.js';
import * as dccSigners from './0005-dcc-signers.js';

/**
 * Every migration, in order. Listed statically rather than scanned from disk so that bundling, `tsx` and
 * the compiled `dist/` all see the same set. Names sort lexically; never rename or reorder a shipped one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-status': status,
  '0003-status-buckets': statusBuckets,
  '0004-credential-offers': credentialOffers,
  '0005-dcc-signers': dccSigners,
};
