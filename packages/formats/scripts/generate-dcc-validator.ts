// Writes src/dcc/schema-validator.generated.ts: the EU DCC JSON schema 1.3.3 compiled by ajv ahead of
// time (its "standalone" code), so that no verifier compiles it at run time. In a browser that compile
// is `new Function`, which a Content-Security-Policy without 'unsafe-eval' refuses, and it costs ajv's
// 110 KiB in the offline bundle. Run `corepack pnpm --filter @passage/formats generate:dcc-validator`
// after changing the schema; src/dcc/schema-validator.test.ts fails while the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dccValidatorSource } from '../src/dcc/schema-source.js';

const out = fileURLToPath(new URL('../src/dcc/schema-validator.generated.ts', import.meta.url));
writeFileSync(out, dccValidatorSource());
process.stdout.write(`wrote ${out}\n`);
