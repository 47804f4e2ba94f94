// The wallet's service worker: keeps the app shell so the wallet opens with no network. Credentials
// live in IndexedDB and their QR codes are drawn by the page, so cards and QR work offline too.
import { serveAppShell } from '@passage/web-ui/service-worker';

serveAppShell({ shellCache: `passage-wallet-shell-${PASSAGE_BUILD}` });
