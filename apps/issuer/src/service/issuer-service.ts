import { type DidDocument, didDocumentFor, type PassageAgent } from '@passage/credentials';
import type { CredentialType } from '@passage/schema';
import {
  type AuditEntry,
  type AuthorityRecord,
  findApiKey,
  findAuthorityByDid,
  findAuthorityById,
  findAuthorityBySlug,
  findCredential,
  findIssuerOf,
  listAuthorities,
  type StatusAction,
} from '../db/index.js';
import { IssuerError } from '../errors.js';
import { authorityDid, type CreatedAuthority, createAuthority, rootDid } from './authorities.js';
import type { Caller, IssuerContext } from './context.js';
import { issueGeneric } from './issue-generic.js';
import { type IssueOptions, issueTyped } from './issue-typed.js';
import { fromRecord, type IssuedCredential } from './persist.js';
import {
  auditLog,
  type CredentialStatusView,
  changeStatus,
  credentialStatus,
  normalizeCredentialId,
} from './status.js';
import {
  createStatusPublisher,
  type PublishedStatusList,
  type StatusListIndexEntry,
} from './status-publish.js';
import { updateStatusVcApi } from './status-vc-api.js';

/** Everything the issuer does, as plain async functions over one context. The HTTP app and CLI call these. */
export interface IssuerService {
  readonly publicUrl: string;
  readonly agent: PassageAgent;
  createAuthority(input: unknown): Promise<CreatedAuthority>;
  listAuthorities(): Promise<AuthorityRecord[]>;
  /**
   * Acts as an authority without an API key, for the operator's CLI on the issuer's own database. With
   * no slug or DID, the one authority that may issue `type` (NOT_FOUND when there are none or several).
   */
  actAs(authority: string | undefined, type?: CredentialType): Promise<Caller>;
  /** The caller an API key stands for, or undefined for a missing, malformed, unknown or revoked key. */
  authenticate(presented: string): Promise<Caller | undefined>;
  issue(
    caller: Caller,
    type: CredentialType,
    body: unknown,
    options?: IssueOptions,
  ): Promise<IssuedCredential>;
  issueGeneric(
    caller: Caller,
    body: unknown,
    options?: Pick<IssueOptions, 'idempotencyKey'>,
  ): Promise<IssuedCredential>;
  /** One of the caller's own credentials; another authority's is NOT_FOUND, never FORBIDDEN (no probing). */
  getCredential(caller: Caller, id: string): Promise<IssuedCredential>;
  /** The DID document of the authority with this slug, or of the one holding the host's DID when no slug. */
  didDocument(slug?: string): Promise<DidDocument | undefined>;
  /** Acts as the authority that issued this credential, for the operator's CLI (NOT_FOUND if none did). */
  actAsIssuerOf(credentialId: string): Promise<Caller>;
  /** Revokes (final), suspends or reinstates one of the caller's credentials; `body` is `{reason?}`. */
  changeStatus(
    caller: Caller,
    id: string,
    action: StatusAction,
    body?: unknown,
  ): Promise<CredentialStatusView>;
  /** The status of one of the caller's credentials. */
  credentialStatus(caller: Caller, id: string): Promise<CredentialStatusView>;
  /** VC-API `updateCredentialStatus`. */
  updateStatusVcApi(caller: Caller, body: unknown): Promise<CredentialStatusView>;
  /** The caller's audit entries, optionally for one credential. */
  auditLog(caller: Caller, credentialId?: string): Promise<AuditEntry[]>;
  /** The current signed version of a status list (public). */
  statusList(listId: string): Promise<PublishedStatusList | undefined>;
  /** Every status list (public). */
  statusLists(): Promise<StatusListIndexEntry[]>;
}

/** Builds the service over a context. */
export function createIssuerService(ctx: IssuerContext): IssuerService {
  const publisher = createStatusPublisher(ctx);
  return {
    publicUrl: ctx.publicUrl,
    agent: ctx.agent,
    createAuthority: (input) => createAuthority(ctx, input),
    listAuthorities: () => listAuthorities(ctx.db),
    async actAs(ref, type) {
      const all = await listAuthorities(ctx.db);
      const matches = all.filter((a) =>
        ref === undefined ? type === undefined || a.types.includes(type) : a.slug === ref || a.did === ref,
      );
      const [authority, ...others] = matches;
      if (!authority || others.length > 0) {
        throw new IssuerError(
          'NOT_FOUND',
          ref === undefined ? 'name the authority: none or several match' : 'no such authority',
        );
      }
      return { keyId: 'operator', authority, types: authority.types, economy: authority.economy };
    },
    async authenticate(presented) {
      const scope = await findApiKey(ctx.db, presented);
      if (!scope) return undefined;
      const authority = await findAuthorityById(ctx.db, scope.authorityId);
      return authority
        ? { keyId: scope.id, authority, types: scope.types, economy: scope.economy }
        : undefined;
    },
    issue: (caller, type, body, options) => issueTyped(ctx, caller, type, body, options),
    issueGeneric: (caller, body, options) => issueGeneric(ctx, caller, body, options),
    async getCredential(caller, id) {
      const record = await findCredential(ctx.db, id, caller.authority.id);
      if (!record) throw new IssuerError('NOT_FOUND', 'no such credential');
      return fromRecord(ctx, record, false);
    },
    async didDocument(slug) {
      const authority =
        slug === undefined
          ? await findAuthorityByDid(ctx.db, rootDid(ctx))
          : await findAuthorityBySlug(ctx.db, slug);
      if (!authority || (slug !== undefined && authority.did !== authorityDid(ctx, slug))) return undefined;
      return didDocumentFor(await ctx.agent.didManagerGet({ did: authority.did }));
    },
    async actAsIssuerOf(credentialId) {
      const authority = await findIssuerOf(ctx.db, normalizeCredentialId(credentialId));
      if (!authority) throw new IssuerError('NOT_FOUND', 'no such credential');
      return { keyId: 'operator', authority, types: authority.types, economy: authority.economy };
    },
    changeStatus: (caller, id, action, body) => changeStatus(ctx, caller, id, action, body),
    credentialStatus: (caller, id) => credentialStatus(ctx, caller, id),
    updateStatusVcApi: (caller, body) => updateStatusVcApi(ctx, caller, body),
    auditLog: (caller, credentialId) => auditLog(ctx, caller, credentialId),
    statusList: (listId) => publisher.get(listId),
    statusLists: () => publisher.index(),
  };
}
