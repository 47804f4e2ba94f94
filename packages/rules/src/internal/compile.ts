// CertLogic compiled to closures, with certlogic-js's evaluator as the definition: every operator,
// operand check and error below is that evaluator's (certlogic-js 1.2.2, dist/evaluator.js), reached
// in the same order, and compile.test.ts compares the two on the example rules and on generated logic
// and data. What is saved: walking the logic's JSON on every evaluation, and parsing the same date
// strings again and again (the arrival date, the validation clock and the dose dates repeat).
// A logic that certlogic-js would reject when evaluated compiles to a closure that throws at that point.
import {
  boolsiness,
  dateFromString,
  dccDateOfBirth,
  extractFromUVCI,
  isCertLogicLiteral,
  isInt,
  roundUpPartialDate,
} from 'certlogic-js/dist/internals.js';
import { timeUnits } from 'certlogic-js/dist/typings.js';

/** A compiled CertLogic expression: its value on `data`, or a throw where certlogic-js throws. */
export type CompiledLogic = (data: unknown) => unknown;

const invalid =
  (message: string): CompiledLogic =>
  () => {
    throw new Error(message);
  };

// Date and date-time strings to their instant (NaN for an invalid date, as `new Date` gives), or
// null for a string certlogic-js refuses. Both functions are pure, so the answer can be kept.
const instants = new Map<string, number | null>();
const MAX_INSTANTS = 4096;

function instantOf(text: string): number {
  let instant = instants.get(text);
  if (instant === undefined) {
    try {
      instant = (roundUpPartialDate(text) ?? dateFromString(text)).getTime();
    } catch {
      instant = null;
    }
    if (instants.size >= MAX_INSTANTS) instants.clear();
    instants.set(text, instant);
  }
  if (instant === null) throw new Error('not an allowed date or date-time format');
  return instant;
}

/** certlogic-js's `plusTime`, with the parse of `text` kept. */
function plusTime(text: string, amount: number, unit: string): Date {
  const dateTime = new Date(instantOf(text));
  if (amount === 0) return dateTime;
  if (unit === 'day') dateTime.setUTCDate(dateTime.getUTCDate() + amount);
  else if (unit === 'hour') dateTime.setUTCHours(dateTime.getUTCHours() + amount);
  else if (unit === 'month') dateTime.setUTCMonth(dateTime.getUTCMonth() + amount);
  else dateTime.setUTCFullYear(dateTime.getUTCFullYear() + amount); // 'year': the units are checked
  return dateTime;
}

/** certlogic-js's `access`, with the path split once. */
function compileVar(path: string): CompiledLogic {
  if (path === '') return (data) => data;
  const steps = path.split('.').map((fragment) => {
    const index = Number.parseInt(fragment, 10);
    return Number.isNaN(index) ? fragment : index;
  });
  return (data) => {
    let value: unknown = data;
    for (const step of steps) {
      if (value === null) return null;
      const next: unknown = (value as Record<string | number, unknown>)[step];
      value = next === undefined ? null : next;
    }
    return value;
  };
}

function compileIf(values: readonly unknown[]): CompiledLogic {
  const [guard, then, otherwise] = values;
  if (guard === undefined || then === undefined || otherwise === undefined)
    return invalid('an if-operation must have a guard, a then and an else');
  const [g, t, e] = [compileLogic(guard), compileLogic(then), compileLogic(otherwise)];
  return (data) => {
    const b = boolsiness(g(data));
    if (b === undefined) throw new Error('if-guard evaluates to something neither truthy, nor falsy');
    return b ? t(data) : e(data);
  };
}

function compileAnd(operands: readonly CompiledLogic[]): CompiledLogic {
  return (data) => {
    let acc: unknown = true;
    for (const operand of operands) {
      if (boolsiness(acc) === false) return acc;
      acc = operand(data);
      if (boolsiness(acc) === undefined)
        throw new Error('all operands of an "and" operation must be either truthy or falsy');
    }
    return acc;
  };
}

const DATE_COMPARISONS: Record<string, string> = {
  after: '>',
  before: '<',
  'not-after': '<=',
  'not-before': '>=',
};

/** `l operator r` on ints, or on Dates compared by their instant as `<` does. */
function holds(operator: string, l: unknown, r: unknown): boolean {
  const [a, b] = [l as number, r as number];
  if (operator === '<') return a < b;
  if (operator === '>') return a > b;
  return operator === '<=' ? a <= b : a >= b;
}

function compare(operator: string, values: readonly unknown[]): boolean {
  return values.length === 2
    ? holds(operator, values[0], values[1])
    : holds(operator, values[0], values[1]) && holds(operator, values[1], values[2]);
}

function compileInfix(operator: string, values: readonly unknown[]): CompiledLogic {
  const ordered = operator in DATE_COMPARISONS || ['<', '>', '<=', '>='].includes(operator);
  if (
    operator === 'and'
      ? values.length < 2
      : ordered
        ? values.length > 3 || values.length < 2
        : values.length !== 2
  )
    return invalid(`wrong number of operands to "${operator}"`);
  const operands = values.map(compileLogic);
  if (operator === 'and') return compileAnd(operands);
  const all = (data: unknown) => operands.map((operand) => operand(data));
  switch (operator) {
    case '===':
      return (data) => {
        const [l, r] = all(data);
        return l === r;
      };
    case 'in':
      return (data) => {
        const [l, r] = all(data);
        if (!Array.isArray(r)) throw new Error('right-hand side of an "in" operation must be an array');
        return r.indexOf(l) > -1;
      };
    case '+':
      return (data) => {
        const [l, r] = all(data);
        if (!isInt(l) || !isInt(r)) throw new Error('operands of this operation must both be integers');
        return l + r;
      };
    default: {
      const dateOperator = DATE_COMPARISONS[operator];
      if (dateOperator === undefined)
        return (data) => {
          const args = all(data);
          if (!args.every(isInt)) throw new Error('all operands of a comparison must be integers');
          return compare(operator, args);
        };
      return (data) => {
        const args = all(data);
        if (!args.every((a) => a instanceof Date)) throw new Error('date-time comparison of non-dates');
        return compare(dateOperator, args);
      };
    }
  }
}

function compilePlusTime(values: readonly unknown[]): CompiledLogic {
  const [operand, amount, unit] = values;
  if (!isInt(amount)) return invalid('"amount" argument (#2) of "plusTime" must be an integer');
  if (typeof unit !== 'string' || !(timeUnits as readonly string[]).includes(unit))
    return invalid('"unit" argument (#3) of "plusTime" must be a time unit');
  const date = compileLogic(operand);
  return (data) => {
    const text = date(data);
    if (typeof text !== 'string') throw new Error('date argument (#1) of "plusTime" must be a string');
    return plusTime(text, amount, unit);
  };
}

function compileReduce(values: readonly unknown[]): CompiledLogic {
  // An absent operand compiles to a throw, as certlogic-js throws when it evaluates one.
  const [operand, lambda, initial] = [0, 1, 2].map((k) => compileLogic(values[k])) as [
    CompiledLogic,
    CompiledLogic,
    CompiledLogic,
  ];
  return (data) => {
    const list = operand(data);
    if (list === null) return initial(data);
    if (!Array.isArray(list)) throw new Error('operand of reduce evaluated to a non-null non-array');
    return list.reduce(
      (accumulator: unknown, current: unknown) => lambda({ accumulator, current }),
      initial(data),
    );
  };
}

function compileOperation(operator: string, values: unknown): CompiledLogic {
  if (operator === 'var')
    return typeof values === 'string' ? compileVar(values) : invalid('not of the form { "var": "<path>" }');
  if (!Array.isArray(values) || values.length === 0)
    return invalid('operation not of the form { "<operator>": [ <values...> ] }');
  if (operator === 'if') return compileIf(values);
  if (
    ['===', 'and', '>', '<', '>=', '<=', 'in', '+', 'after', 'before', 'not-after', 'not-before'].includes(
      operator,
    )
  )
    return compileInfix(operator, values);
  if (operator === '!') {
    const operand = compileLogic(values[0]);
    return (data) => {
      const b = boolsiness(operand(data));
      if (b === undefined) throw new Error('operand of ! evaluates to something neither truthy, nor falsy');
      return !b;
    };
  }
  if (operator === 'plusTime') return compilePlusTime(values);
  if (operator === 'reduce') return compileReduce(values);
  if (operator === 'extractFromUVCI') {
    const [operand, index] = [compileLogic(values[0]), values[1]];
    return (data) => {
      const uvci = operand(data);
      if (!(uvci === null || typeof uvci === 'string')) throw new Error('UVCI must be a string or null');
      if (!isInt(index)) throw new Error('"index" argument (#2) of "extractFromUVCI" must be an integer');
      return extractFromUVCI(uvci, index);
    };
  }
  if (operator === 'dccDateOfBirth') {
    const operand = compileLogic(values[0]);
    return (data) => {
      const text = operand(data);
      if (typeof text !== 'string') throw new Error('operand of "dccDateOfBirth" must be a string');
      return dccDateOfBirth(text);
    };
  }
  return invalid(`unrecognised operator: "${operator}"`);
}

/**
 * Compiles CertLogic `logic` once; the closure answers what certlogic-js's `evaluate(logic, data)`
 * answers and throws where it throws. Compiling never throws. The logic must not change afterwards.
 */
export function compileLogic(logic: unknown): CompiledLogic {
  if (isCertLogicLiteral(logic)) return () => logic;
  if (logic === null) return invalid('invalid CertLogic expression: null');
  if (Array.isArray(logic)) {
    const items = logic.map(compileLogic);
    return (data) => items.map((item) => item(data));
  }
  if (typeof logic !== 'object') return invalid('invalid CertLogic expression');
  const entries = Object.entries(logic);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined)
    return invalid('unrecognised expression object encountered');
  return compileOperation(entry[0], entry[1]);
}
