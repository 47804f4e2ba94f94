import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { AbstractSecretBox } from '@veramo/key-manager';
import { randomBytesPooled } from '../random-pool.js';
import { IssuerDbError } from './errors.js';

const MIN_SECRET_LENGTH = 32;
/** Rejects `aaaa…` and `changemechangeme…`; a random secret of 32+ characters has far more. */
const MIN_DISTINCT_CHARACTERS = 8;
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = 'passage/issuer/secret-box';
const HKDF_INFO = 'v1 aes-256-gcm private keys at rest';
const SUBKEY_SALT = 'passage/issuer/subkey';

/**
 * Derives the AES-256 key with HKDF-SHA256 rather than scrypt: the configuration secret is required to be
 * random (generate it, e.g. `openssl rand -base64 32`), and HKDF is the extractor meant for such input.
 * A password KDF adds strength only to guessable secrets, which {@link validateSecret} refuses anyway.
 */
function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32));
}

/** @throws IssuerDbError `SECRET_INVALID` when the secret is shorter than 32 characters or repetitive */
function validateSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH || new Set(secret).size < MIN_DISTINCT_CHARACTERS) {
    throw new IssuerDbError(
      'SECRET_INVALID',
      `PASSAGE_SECRET must be a random string of at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
}

/**
 * Encrypts values at rest with AES-256-GCM under a key derived from the configuration secret
 * (`PASSAGE_SECRET`). Each value gets a fresh 12-byte IV and is stored as
 * `v1.<iv b64url>.<ciphertext b64url>.<tag b64url>`. Optional associated data (e.g. the row's key) binds a
 * ciphertext to its place, so it cannot be copied into another row. Usable as Veramo's `AbstractSecretBox`.
 *
 * @example
 * const box = createSecretBox(process.env.PASSAGE_SECRET ?? '');
 * const sealed = box.seal('00ff…', 'alias-1');
 * box.open(sealed, 'alias-1'); // '00ff…'
 */
export class SecretBox extends AbstractSecretBox {
  readonly #key: Buffer;

  constructor(secret: string) {
    super();
    validateSecret(secret);
    this.#key = deriveKey(secret);
  }

  /** Encrypts `plaintext`; `associatedData` must be given again to {@link SecretBox.open}. */
  seal(plaintext: string, associatedData = ''): string {
    const iv = randomBytesPooled(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return [VERSION, ...parts].join('.');
  }

  /**
   * Decrypts a value made by {@link SecretBox.seal}.
   *
   * @throws IssuerDbError `DECRYPTION_FAILED` for a wrong secret, wrong associated data, a tampered or
   *   malformed value
   */
  open(sealed: string, associatedData = ''): string {
    const [version, ivText, ciphertextText, tagText, ...extra] = sealed.split('.');
    const iv = Buffer.from(ivText ?? '', 'base64url');
    const tag = Buffer.from(tagText ?? '', 'base64url');
    if (version !== VERSION || ciphertextText === undefined || extra.length > 0) {
      throw new IssuerDbError('DECRYPTION_FAILED', 'encrypted value has an unknown format');
    }
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new IssuerDbError('DECRYPTION_FAILED', 'encrypted value has an unknown format');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      const ciphertext = Buffer.from(ciphertextText, 'base64url');
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new IssuerDbError('DECRYPTION_FAILED', 'decryption failed (wrong secret or altered value)', {
        cause,
      });
    }
  }

  /**
   * A key of `length` bytes for one purpose (`label`), derived with HKDF-SHA256 from the configuration
   * secret: the same secret gives the same key in every process and after every restart, and keys for
   * different labels are independent of each other and of the sealing key.
   */
  subkey(label: string, length = 32): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#key, SUBKEY_SALT, label, length));
  }

  /** Veramo's `AbstractSecretBox.encrypt`: {@link SecretBox.seal} without associated data. */
  override async encrypt(message: string): Promise<string> {
    return this.seal(message);
  }

  /** Veramo's `AbstractSecretBox.decrypt`: {@link SecretBox.open} without associated data. */
  override async decrypt(encryptedMessage: string): Promise<string> {
    return this.open(encryptedMessage);
  }
}

/**
 * Builds the {@link SecretBox} for a configuration secret.
 *
 * @throws IssuerDbError `SECRET_INVALID` when the secret is shorter than 32 characters or repetitive
 */
export function createSecretBox(secret: string): SecretBox {
  return new SecretBox(secret);
}
