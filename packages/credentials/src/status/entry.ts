/** What a status list says about the credentials it covers (Bitstring Status List v1.0). */
export type StatusPurpose = 'revocation' | 'suspension';

/** The purposes every Passage credential carries an entry for. */
export const STATUS_PURPOSES: readonly StatusPurpose[] = ['revocation', 'suspension'];

/**
 * One `credentialStatus` entry of a credential. The entry `id` is optional (VC Data Model 2.0 §4.10;
 * Bitstring Status List v1.0 says it is "not used during the verification or validation process"):
 * Passage writes none, as it costs a QR code about 17 characters per entry, but accepts one.
 */
export interface BitstringStatusListEntry {
  id?: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** A decimal string, as the spec requires. */
  statusListIndex: string;
  /** The URL of the status list credential. */
  statusListCredential: string;
}

/** The entry pointing at `index` of the list published at `listUrl` (without an entry `id`). */
export function statusListEntry(
  listUrl: string,
  purpose: StatusPurpose,
  index: number,
): BitstringStatusListEntry {
  return {
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}
