import { type DidDocument, didDocumentFor, type PassageAgent } from '@passage/credentials';
import type { DccTrustEntry, ShcPublicJwk } from '@passage/formats';
import type { CredentialType } from '@passage/schema';
import {
  type AuditEntry,
  type AuthorityRecord,
  findApiKeyWithAuthority,
  findAuthorityByDid,
  findAuthorityBySlug,
  findCredential,
  findIssuerOf,
  listAuthorities,
  type StatusAction,
} from '../db/index.js';
import { IssuerError } from '../errors.js';
import { authorityDid, type CreatedAuthority, createAuthority, rootDid } from './authorities.js';
import {
  type BatchStreamItem,
  type BatchStreamOptions,
  type BatchStreamResult,
  issueBatchStream,
} from './batch/issue-stream.js';
import { loadCertificateFonts } from './certificate/font-set.js';
import { renderCertificatePdf } from './certificate/pdf.js';
import { certificateView } from './certificate/view.js';
import type { Caller, IssuerContext } from './context.js';
import { type DscView, dccTrustEntry, generateDsc, importDsc, shcJwks } from './foreign-keys.js';
import { type ForeignFormat, issueForeign } from './issue-foreign.js';
import { issueGeneric } from './issue-generic.js';
import { type IssueOptions, issueTyped } from './issue-typed.js';
import { createOid4vciService, type Oid4vciService } from './oid4vci/index.js';
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
  /** OpenID4VCI 1.0 issuance (pre-authorized code flow): offers, metadata, token, nonce, credential. */
  readonly oid4vci: Oid4vciService;
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
  /** Issues a stream of items in bulk (chunked transactions, signing threads); see `issueBatchStream`. */
  issueStream(
    caller: Caller,
    type: CredentialType,
    items: AsyncIterable<BatchStreamItem> | Iterable<BatchStreamItem>,
    options?: BatchStreamOptions,
  ): AsyncGenerator<BatchStreamResult[]>;
  issueGeneric(
    caller: Caller,
    body: unknown,
    options?: Pick<IssueOptions, 'idempotencyKey'>,
  ): Promise<IssuedCredential>;
  /**
   * Issues a vaccination certificate as an EU DCC or a SMART Health Card, signed with the authority's
   * P-256 key (KEY_TYPE_UNSUPPORTED for Ed25519; a DCC needs the authority's DSC, DSC_MISSING).
   */
  issueForeign(
    caller: Caller,
    format: ForeignFormat,
    body: unknown,
    options?: Pick<IssueOptions, 'idempotencyKey'>,
  ): Promise<IssuedCredential>;
  /** Generates and stores a self-signed development DSC for the authority with this slug. */
  generateDsc(slug: string, validDays?: number): Promise<DscView>;
  /** Imports a production DSC (PEM or DER) for the authority with this slug, after checking it. */
  importDsc(slug: string, certificate: Uint8Array | string): Promise<DscView>;
  /** The published DCC trust entry of an authority's DSC (public), if it has one. */
  dccTrustEntry(slug: string): Promise<DccTrustEntry | undefined>;
  /** The JWKS of an authority's SMART Health Cards (public), if its key is P-256. */
  shcJwks(slug: string): Promise<{ keys: ShcPublicJwk[] } | undefined>;
  /** One of the caller's own credentials; another authority's is NOT_FOUND, never FORBIDDEN (no probing). */
  getCredential(caller: Caller, id: string): Promise<IssuedCredential>;
  /** An A4 PDF of one of the caller's own credentials: its QR and human-readable data (NOT_PRINTABLE for DCC/SHC). */
  certificatePdf(caller: Caller, id: string): Promise<Uint8Array>;
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
    oid4vci: createOid4vciService(ctx),
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
      const found = findApiKeyWithAuthority(ctx.db, presented);
      if (!found) return undefined;
      const { scope, authority } = found;
      return { keyId: scope.id, authority, types: scope.types, economy: scope.economy };
    },
    issue: (caller, type, body, options) => issueTyped(ctx, caller, type, body, options),
    issueStream: (caller, type, items, options) => issueBatchStream(ctx, caller, type, items, options),
    issueGeneric: (caller, body, options) => issueGeneric(ctx, caller, body, options),
    issueForeign: (caller, format, body, options) => issueForeign(ctx, caller, format, body, options),
    generateDsc: (slug, validDays) => generateDsc(ctx, slug, validDays),
    importDsc: (slug, certificate) => importDsc(ctx, slug, certificate),
    dccTrustEntry: (slug) => dccTrustEntry(ctx, slug),
    shcJwks: (slug) => shcJwks(ctx, slug),
    async getCredential(caller, id) {
      const record = await findCredential(ctx.db, id, caller.authority.id);
      if (!record) throw new IssuerError('NOT_FOUND', 'no such credential');
      return fromRecord(ctx, record, false);
    },
    async certificatePdf(caller, id) {
      const record = await findCredential(ctx.db, id, caller.authority.id);
      if (!record) throw new IssuerError('NOT_FOUND', 'no such credential');
      const view = certificateView(caller, fromRecord(ctx, record, false));
      return renderCertificatePdf(view, await loadCertificateFonts(ctx.pdfFonts));
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
