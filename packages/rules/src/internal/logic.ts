import { validate } from 'certlogic-js/dist/validation/index.js';

/** Bounds on a rule's logic, so that a rule set cannot make evaluation deep or long by its shape alone. */
export const MAX_LOGIC_CHARS = 16_384;
export const MAX_LOGIC_DEPTH = 48;

function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit <= 0) return 1; // deep enough to refuse; stop descending
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, depthOf(child, limit - 1));
  return deepest + 1;
}

function isReduce(value: unknown): value is { reduce: unknown[] } {
  return typeof value === 'object' && value !== null && 'reduce' in value && Array.isArray(value.reduce);
}

/**
 * True when a `reduce` lambda contains another `reduce`. Arrays in CertLogic only come from the data
 * (bounded) or from literals in the logic (bounded), and nothing concatenates them, so forbidding a
 * reduce per iteration keeps evaluation linear in logic size × longest array.
 */
function nestsReduce(value: unknown, insideLambda: boolean): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isReduce(value)) {
    if (insideLambda) return true;
    const [operand, lambda, initial] = value.reduce;
    return nestsReduce(operand, false) || nestsReduce(lambda, true) || nestsReduce(initial, false);
  }
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => nestsReduce(child, insideLambda));
}

/**
 * Problems with a rule's CertLogic logic, empty when it is well formed: certlogic-js's own format
 * validator, plus size and nesting bounds (the evaluator recurses once per level) and no reduce
 * inside a reduce lambda (which would multiply the work per level).
 */
export function logicProblems(logic: unknown): string[] {
  const text = JSON.stringify(logic);
  if (text === undefined) return ['is not JSON'];
  if (text.length > MAX_LOGIC_CHARS) return [`is longer than ${MAX_LOGIC_CHARS} characters`];
  if (depthOf(logic, MAX_LOGIC_DEPTH) > MAX_LOGIC_DEPTH) return [`is nested deeper than ${MAX_LOGIC_DEPTH}`];
  const problems = validate(logic).map((e) => e.message);
  if (problems.length === 0 && nestsReduce(logic, false)) return ['has a reduce inside a reduce lambda'];
  return problems;
}
