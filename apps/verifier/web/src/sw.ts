// The officer page's service worker: keeps the page, the decoder and the web verifier so the page
// opens and verifies with no network. The API is never cached here: offline-data.json (the last
// bundle and operator keys) is written by the page itself into its own cache.

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { scope: string };
}

const scope = self as unknown as WorkerScope;
const SHELL = `passage-officer-shell-${PASSAGE_BUILD}`;
const DATA = 'passage-officer-data';
const FILES = [
  './',
  './app.js',
  './styles.css',
  './manifest.webmanifest',
  './icon.svg',
  './zxing_reader.wasm',
  './web-verify.js',
];

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(FILES))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  const old = (name: string) => name !== SHELL && name !== DATA;
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter(old).map((name) => caches.delete(name))))
      .then(() => scope.clients.claim()),
  );
});

// The page's own files: the network first (a new build shows at once), the cache when offline.
scope.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !url.href.startsWith(scope.registration.scope)) return;
  event.respondWith(
    fetch(event.request)
      .then(async (response) => {
        if (response.ok) await (await caches.open(SHELL)).put(event.request, response.clone());
        return response;
      })
      .catch(async () => (await caches.match(event.request, { ignoreSearch: true })) ?? Response.error()),
  );
});
