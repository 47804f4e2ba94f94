export type { ContainerVersion } from './container.js';
export { decodeQrText } from './decode.js';
export type { EncodeQrOptions } from './encode.js';
export { encodeQrText } from './encode.js';
export type { QrPngOptions } from './render.js';
export { type QrModulePath, qrModulePath, qrVersionFor, renderQrPng, renderQrSvg } from './render.js';
export { isPassageQrText, MAX_QR_TEXT_LENGTH, QR_PREFIX } from './text.js';
