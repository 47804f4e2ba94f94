// Values esbuild writes into the page at build time (see ../build.ts).

/** The 21 APEC economies, from @passage/schema. */
declare const PASSAGE_ECONOMIES: readonly { alpha3: string; name: string }[];
/** Changes with every build: names the service worker's cache. */
declare const PASSAGE_BUILD: string;
