import { parseArgs } from 'node:util';
import { type KeyBindingPolicy, looksLikePresentation, verifyPresentation } from '@passage/credentials';
import {
  keyBindingAsked,
  loadVerifierConfig,
  openVerifierData,
  type VerifierConfig,
  verifyForOfficer,
} from '@passage/verifier';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson, readInput } from '../io.js';
import { trustForKey } from './verify-key.js';

export const verifyUsage =
  "passage verify [--key FILE] [--bundle FILE] [--operator-key FILE] [--trust-list URL|FILE] [--rules URL|FILE] [--trust FILE] [--offline] [--economy CODE [--arrival DATE]] [--at ISO-8601] [--challenge NONCE] [--domain AUD] [--require-key-binding] [--require-holder-binding] [TEXT... | -]   (TEXT: Passage QR or JWS, HC1:…, shc:/… (several for a multi-part card, or one per line on stdin), a VDS-NC seal JSON, a vc+sd-jwt, or a vp+jwt presentation; --challenge and --domain: what a presentation, or a vc+sd-jwt's key binding JWT, must answer; --require-holder-binding: every credential in a presentation was issued to its holder)";

/** The verifier configuration with this invocation's options laid over the environment's. */
function configWith(values: Record<string, string | boolean | undefined>, io: CliIo): VerifierConfig {
  const env = { ...io.env };
  const set = (name: string, value: string | boolean | undefined) => {
    if (typeof value === 'string') env[name] = value;
  };
  set('PASSAGE_TRUST_FILE', values.trust);
  set('PASSAGE_BUNDLE', values.bundle);
  set('PASSAGE_OPERATOR_KEY', values['operator-key']);
  const list = values['trust-list'];
  if (typeof list === 'string')
    set(/^https?:/.test(list) ? 'PASSAGE_TRUST_LIST_URL' : 'PASSAGE_TRUST_LIST_FILE', list);
  const rules = values.rules;
  if (typeof rules === 'string')
    set(/^https?:/.test(rules) ? 'PASSAGE_ENTRY_RULES_URL' : 'PASSAGE_ENTRY_RULES_FILE', rules);
  if (values.offline === true) env.PASSAGE_OFFLINE = 'true';
  return loadVerifierConfig(env);
}

/**
 * `passage verify`: prints the report as JSON; exit 0 verified (and, with `--economy`, meeting its
 * entry rules), 1 otherwise. With `--bundle` and `--offline` it never touches the network.
 */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trust: { type: 'string' },
      bundle: { type: 'string' },
      'operator-key': { type: 'string' },
      'trust-list': { type: 'string' },
      rules: { type: 'string' },
      offline: { type: 'boolean' },
      economy: { type: 'string' },
      arrival: { type: 'string' },
      at: { type: 'string' },
      key: { type: 'string' },
      challenge: { type: 'string' },
      domain: { type: 'string' },
      'require-key-binding': { type: 'boolean' },
      'require-holder-binding': { type: 'boolean' },
    },
  });
  if (values.arrival !== undefined && values.economy === undefined) {
    throw new CliError('USAGE', '--arrival needs --economy');
  }
  if (values.challenge === '' || values.domain === '') {
    throw new CliError('USAGE', '--challenge and --domain take a value');
  }
  const { challenge, domain } = values;
  const requireKeyBinding = values['require-key-binding'] === true;
  const now = values.at === undefined ? new Date() : parseInstant(values.at, '--at');
  if (values.arrival !== undefined) parseInstant(values.arrival, '--arrival');
  const config = configWith(values, io);
  const data = openVerifierData(config);
  if (!config.offline) await data.refresh();
  const input = await inputOf(positionals, io);
  // --key: that one key is the trust anchor for the credential's issuer, in place of the trust list.
  const keyTrust = values.key === undefined ? undefined : trustForKey(input, await readInput(io, values.key));
  const officer = (credential: unknown, keyBinding: KeyBindingPolicy | undefined) =>
    verifyForOfficer(credential, {
      ...(keyBinding ? { keyBinding } : {}),
      trust: keyTrust ?? data.trust(),
      foreign: data.foreign(),
      now,
      clockToleranceSec: config.clockToleranceSec,
      statusLists: data.statusLists,
      resolver: data.resolver,
      sources: data.sources(),
      ...(values.economy
        ? {
            entry: {
              economy: values.economy,
              ruleSet: data.rules(),
              ...(values.arrival ? { arrivalDate: values.arrival } : {}),
            },
          }
        : {}),
    });
  const meets = (answer: Awaited<ReturnType<typeof officer>>) =>
    answer.entry === undefined || answer.entry.outcome === 'meets';
  if (looksLikePresentation(input)) {
    // A presentation: the holder's proof, then each credential it carries as the officer's path takes it,
    // with the key binding the presentation asks of it.
    const answers: Array<Awaited<ReturnType<typeof officer>>> = [];
    const report = await verifyPresentation(input, {
      trust: keyTrust ?? data.trust(),
      now,
      clockToleranceSec: config.clockToleranceSec,
      ...(challenge === undefined ? {} : { challenge }),
      ...(domain === undefined ? {} : { domain }),
      requireKeyBinding,
      requireHolderBinding: values['require-holder-binding'] === true,
      verifyCredential: async (credential, keyBinding) => {
        const answer = await officer(credential, keyBinding);
        answers.push(answer);
        return answer;
      },
    });
    data.close();
    printJson(io, report);
    return report.verified && answers.every(meets) ? EXIT.ok : EXIT.notVerified;
  }
  const report = await officer(input, keyBindingAsked({ challenge, domain, requireKeyBinding }));
  data.close();
  printJson(io, report);
  return report.verified && meets(report) ? EXIT.ok : EXIT.notVerified;
}

/**
 * What to verify: one text, or the chunks of a multi-part SMART Health Card (several positionals, or
 * several `shc:/` lines on stdin). A JSON object (enveloped credential, VDS-NC seal) is parsed.
 */
async function inputOf(positionals: string[], io: CliIo): Promise<unknown> {
  const fromStdin = positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-');
  const texts = fromStdin ? [(await readInput(io, '-')).trim()] : positionals.map((p) => p.trim());
  const lines = texts.length === 1 ? (texts[0] ?? '').split(/\r?\n/).map((l) => l.trim()) : texts;
  const chunks = lines.filter((l) => l !== '');
  if (chunks.length === 0) throw new CliError('USAGE', `nothing to verify. ${verifyUsage}`);
  // Several lines are chunks only when each is a shc:/ text; otherwise the text is one credential.
  if (chunks.length > 1 && chunks.every((c) => /^shc:\//i.test(c))) return chunks;
  if (texts.length > 1)
    throw new CliError('USAGE', `several texts are the chunks of one SMART Health Card. ${verifyUsage}`);
  const text = texts[0] ?? '';
  return text.startsWith('{') ? parseObject(text) : text;
}

function parseInstant(value: string, option: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError('USAGE', `${option} takes an ISO 8601 date or date-time`);
  }
  return date;
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
