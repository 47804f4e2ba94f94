// The app-shell service worker both pages use: their own files are cached at install, served network
// first (a new build shows at once) and from the cache when offline. Imported only by a page's sw.ts.

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

/** The files every page's build writes (see each page's build.ts and `pageAssets`). */
export const SHELL_FILES = [
  './',
  './app.js',
  './base.css',
  './styles.css',
  './manifest.webmanifest',
  './icon.svg',
  './zxing_reader.wasm',
] as const;

/** What a page's service worker keeps. */
export interface AppShellOptions {
  /** The shell cache's name; include the build id, so a new build gets a fresh cache. */
  shellCache: string;
  /** The page's files besides {@link SHELL_FILES}, relative to the worker's scope. */
  extraFiles?: readonly string[];
  /** Other caches the page writes itself (its offline data): kept when old shells are dropped. */
  keepCaches?: readonly string[];
}

/**
 * Runs the app-shell worker in this service worker's global scope: install caches the files, activate
 * drops every other cache but `keepCaches`, and GET requests in scope go to the network first, then
 * to the cache.
 *
 * @example
 * serveAppShell({ shellCache: `passage-wallet-shell-${PASSAGE_BUILD}` });
 */
export function serveAppShell(options: AppShellOptions): void {
  const scope = self as unknown as WorkerScope;
  const keep = new Set([options.shellCache, ...(options.keepCaches ?? [])]);
  scope.addEventListener('install', (event) => {
    event.waitUntil(
      caches
        .open(options.shellCache)
        .then((cache) => cache.addAll([...SHELL_FILES, ...(options.extraFiles ?? [])]))
        .then(() => scope.skipWaiting()),
    );
  });
  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      caches
        .keys()
        .then((names) => Promise.all(names.filter((n) => !keep.has(n)).map((n) => caches.delete(n))))
        .then(() => scope.clients.claim()),
    );
  });
  scope.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || !url.href.startsWith(scope.registration.scope)) return;
    event.respondWith(
      fetch(event.request)
        .then(async (response) => {
          if (response.ok) await (await caches.open(options.shellCache)).put(event.request, response.clone());
          return response;
        })
        .catch(async () => (await caches.match(event.request, { ignoreSearch: true })) ?? Response.error()),
    );
  });
}
