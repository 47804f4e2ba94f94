/**
 * The traveller's wallet: a web server for the installable wallet page (apps/wallet/web), which
 * receives credentials over OpenID4VCI, keeps them in the browser and shows their QR codes.
 *
 * @packageDocumentation
 */
export { createWalletApp, type WalletAppDeps } from './app.js';
export { loadWalletConfig, type WalletConfig, WalletConfigError } from './config.js';
export { type RunningWallet, startWalletServer } from './start.js';
