import { type CallbackContext, clientAuthenticationAnonymous, type Jwk } from '@openid4vc/oauth2';
import {
  type CredentialOfferObject,
  type IssuerMetadataResult,
  Openid4vciClient,
  setGlobalConfig,
} from '@openid4vc/openid4vci';
import { type WalletCode, WalletError } from './errors.js';
import { checkIssuerSignature } from './issuer-signature.js';
import { createHolderKey, type HolderKey, signEs256 } from './keys.js';
import { isLoopbackHttp, offerIssuerUrl } from './offer.js';
import { type CardSummary, checkReceived } from './received.js';

const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const HASHES = { 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' } as const;

/** What the offer asks the traveller to type: the code the authority gave them apart from the offer. */
export interface TxCodeRequest {
  description?: string;
  length?: number;
  inputMode: 'numeric' | 'text';
}

/** An offer resolved with its issuer's metadata, ready to redeem. */
export interface OpenedOffer {
  offer: CredentialOfferObject;
  metadata: IssuerMetadataResult;
  /** Set when the offer asks for a transaction code. */
  txCode?: TxCodeRequest;
}

/** A credential received and checked, with the key it is bound to. */
export interface Received {
  jws: string;
  key: HolderKey;
  summary: CardSummary;
}

/** The library's callbacks: Web Crypto for hashing, randomness and (with a key) signing. */
function callbacks(key?: HolderKey): Omit<CallbackContext, 'verifyJwt' | 'decryptJwe' | 'encryptJwe'> {
  return {
    fetch: (input, init) => fetch(input, init),
    hash: async (data, alg) =>
      new Uint8Array(await crypto.subtle.digest(HASHES[alg], data as Uint8Array<ArrayBuffer>)),
    generateRandom: (length) => crypto.getRandomValues(new Uint8Array(length)),
    clientAuthentication: clientAuthenticationAnonymous(),
    async signJwt(_signer, { header, payload }) {
      if (!key) throw new WalletError('KEY_UNAVAILABLE');
      const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      const jwt = await signEs256(key.pair.privateKey, clean(header), clean(payload));
      return { jwt, signerJwk: key.publicJwk as Jwk };
    },
  };
}

/** True when the request never got an answer: fetch's TypeError, somewhere in the chain of causes. */
function isNetworkFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof TypeError) return true;
    current = current.cause;
  }
  return false;
}

/**
 * The code for a library or network failure during `step`. The library's error classes are told apart
 * by what they carry (an OAuth `errorResponse`), not by name: minifying renames classes.
 */
function codeOf(error: unknown, step: 'offer' | 'token' | 'credential', withTxCode: boolean): WalletCode {
  if (error instanceof WalletError) return error.code;
  if (isNetworkFailure(error)) return 'ISSUER_UNREACHABLE';
  const oauth = (error as { errorResponse?: { error?: unknown } }).errorResponse?.error;
  if (step === 'token' && oauth === 'invalid_grant') return withTxCode ? 'TX_CODE_WRONG' : 'OFFER_REFUSED';
  if (step === 'token') return 'OFFER_REFUSED';
  if (step === 'credential') return 'CREDENTIAL_REFUSED';
  return 'OFFER_INVALID';
}

async function step<T>(
  name: 'offer' | 'token' | 'credential',
  withTxCode: boolean,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new WalletError(codeOf(error, name, withTxCode));
  }
}

/**
 * Resolves an offer and its issuer's metadata. Plain http is accepted only for an issuer on this
 * device (the local demo); anything else must be https.
 *
 * @throws WalletError `OFFER_INVALID`, `ISSUER_INSECURE` or `ISSUER_UNREACHABLE`.
 */
export async function openOffer(offerUri: string): Promise<OpenedOffer> {
  const issuerUrl = offerIssuerUrl(offerUri);
  if (!issuerUrl) throw new WalletError('OFFER_INVALID');
  if (!issuerUrl.startsWith('https://') && !isLoopbackHttp(issuerUrl))
    throw new WalletError('ISSUER_INSECURE');
  setGlobalConfig({ allowInsecureUrls: isLoopbackHttp(issuerUrl) });
  const client = new Openid4vciClient({ callbacks: callbacks() });
  return step('offer', false, async () => {
    const offer = await client.resolveCredentialOffer(offerUri);
    const metadata = await client.resolveIssuerMetadata(offer.credential_issuer);
    const grant = offer.grants?.[PRE_AUTHORIZED];
    if (!grant) throw new WalletError('OFFER_INVALID');
    const tx = grant.tx_code;
    if (!tx) return { offer, metadata };
    const txCode: TxCodeRequest = {
      inputMode: tx.input_mode === 'text' ? 'text' : 'numeric',
      ...(tx.description === undefined ? {} : { description: tx.description }),
      ...(tx.length === undefined ? {} : { length: tx.length }),
    };
    return { offer, metadata, txCode };
  });
}

/**
 * Redeems an opened offer with a fresh holder key: pre-authorized token (with the transaction code),
 * nonce, proof of the key, credential; then checks the credential names this key and this issuer.
 *
 * @throws WalletError `TX_CODE_REQUIRED`, `TX_CODE_WRONG`, `OFFER_REFUSED`, `CREDENTIAL_REFUSED`,
 *   `CREDENTIAL_INVALID`, `CREDENTIAL_MISMATCH`, `ISSUER_UNREACHABLE`, `KEY_UNAVAILABLE`.
 */
export async function redeemOffer(opened: OpenedOffer, txCode?: string): Promise<Received> {
  if (opened.txCode && !txCode) throw new WalletError('TX_CODE_REQUIRED');
  const { offer, metadata } = opened;
  const key = await createHolderKey();
  const client = new Openid4vciClient({ callbacks: callbacks(key) });
  const withTx = txCode !== undefined;
  const { accessTokenResponse } = await step('token', withTx, () =>
    client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer: offer,
      issuerMetadata: metadata,
      ...(opened.txCode && txCode ? { txCode } : {}),
    }),
  );
  const credentialConfigurationId = offer.credential_configuration_ids[0] ?? '';
  const jws = await step('credential', withTx, async () => {
    const { c_nonce } = await client.requestNonce({ issuerMetadata: metadata });
    const { jwt } = await client.createCredentialRequestJwtProof({
      issuerMetadata: metadata,
      credentialConfigurationId,
      nonce: c_nonce,
      signer: { method: 'did', didUrl: `${key.did}#0`, alg: 'ES256' },
    });
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata: metadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId,
      proofs: { jwt: [jwt] },
    });
    const first = credentialResponse.credentials?.[0];
    const credential = typeof first === 'object' && 'credential' in first ? first.credential : undefined;
    if (typeof credential !== 'string') throw new WalletError('CREDENTIAL_INVALID');
    return credential;
  });
  const summary = checkReceived(jws, { holderDid: key.did, issuerUrl: offer.credential_issuer });
  await checkIssuerSignature(jws, summary.issuer, offer.credential_issuer);
  return { jws, key, summary };
}
