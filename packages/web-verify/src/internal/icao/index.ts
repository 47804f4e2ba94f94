// ICAO VDS-NC seals verified in the browser (see verify.ts).
export { createWebIcaoTrust, lazyWebIcaoTrust, type WebIcaoCsca, type WebIcaoTrust } from './trust.js';
export { verifyIcaoVdsNcWeb, type WebIcaoVerifyOptions } from './verify.js';
