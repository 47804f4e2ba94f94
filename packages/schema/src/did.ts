import { z } from 'zod';

/** A DID (`did:method:specific-id`), as a holder's `credentialSubject.id`. */
export const didSchema = z
  .string()
  .max(2048)
  .regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+(#[A-Za-z0-9._:%-]+)?$/, 'must be a DID');
