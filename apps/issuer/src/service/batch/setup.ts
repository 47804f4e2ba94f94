import type { SecuringFormat } from '@passage/credentials';
import type { CredentialType } from '@passage/schema';
import { SqlPrivateKeyStore } from '../../db/index.js';
import type { Caller, IssuerContext } from '../context.js';
import type { SignerSetup } from './sign-items.js';

/**
 * The setup of a batch's signers: the authority's DID with its keys, the private parts decrypted here
 * (under the configuration secret) so that they travel to the workers in memory only.
 */
export async function signerSetup(
  ctx: IssuerContext,
  caller: Caller,
  type: CredentialType,
  format: SecuringFormat,
): Promise<SignerSetup> {
  const identifier = await ctx.agent.didManagerGet({ did: caller.authority.did });
  const privateKeys = new SqlPrivateKeyStore(ctx.db, ctx.box);
  const keys = await Promise.all(
    identifier.keys.map(async (key) => ({
      ...key,
      privateKeyHex: (await privateKeys.getKey({ alias: key.kid })).privateKeyHex,
    })),
  );
  const { services: _services, keys: _keys, ...rest } = identifier;
  return { type, format, caller, publicUrl: ctx.publicUrl, identifier: { ...rest, keys, services: [] } };
}
