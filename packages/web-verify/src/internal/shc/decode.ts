// The browser's codec for card JWSs: base64url, strict UTF-8 and pako behind the shared splitting and
// checks of `@passage/formats/pure`, so a card decodes (or fails, with the same code) as in Node.
import {
  joinShcChunksPortable,
  type ShcCodec,
  type ShcInputDecoder,
  shcJwsDecoder,
} from '@passage/formats/pure';
import { decodeBase64url } from '../base64url.js';
import { inflateShcPayload } from './inflate.js';

// Fatal, so that bytes that are not UTF-8 fail as Node's isUtf8 check fails them; a BOM kept, as
// Node keeps it (JSON.parse then refuses it in both).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const webCodec: ShcCodec<Uint8Array> = {
  // Segments reach here checked against the alphabet, so the decoder always answers.
  fromBase64url: (text) => decodeBase64url(text) ?? new Uint8Array(0),
  utf8Text: (bytes) => {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return undefined;
    }
  },
  inflate: inflateShcPayload,
};

/** Turns scanned `shc:/` texts or a compact JWS into a decoded card, without native buffers. */
export const webShcDecoder: ShcInputDecoder<Uint8Array> = {
  joinChunks: joinShcChunksPortable,
  decodeJws: shcJwsDecoder(webCodec),
};
