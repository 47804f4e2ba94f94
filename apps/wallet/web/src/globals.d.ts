// Values esbuild writes into the page at build time (see ../build.ts).

/** Changes with every build: names the service worker's cache. */
declare const PASSAGE_BUILD: string;
