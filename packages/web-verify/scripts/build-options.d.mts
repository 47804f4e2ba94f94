import type { BuildOptions } from 'esbuild';

/** The package root (packages/web-verify). */
export declare const packageRoot: string;

/** esbuild options of the browser bundle, with `overrides` applied last. */
export declare function browserBundleOptions(overrides?: BuildOptions): BuildOptions;
