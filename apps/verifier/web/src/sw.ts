// The officer page's service worker: keeps the page, the decoder and the web verifier so the page
// opens and verifies with no network. The API is never cached here: offline-data.json (the last
// bundle and operator keys) is written by the page itself into its own cache, which is kept.
import { serveAppShell } from '@passage/web-ui/service-worker';

serveAppShell({
  shellCache: `passage-officer-shell-${PASSAGE_BUILD}`,
  keepCaches: ['passage-officer-data'],
  extraFiles: ['./web-verify.js'],
});
