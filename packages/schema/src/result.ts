import type { z } from 'zod';

/** One reason a subject was refused: where (a JSON path such as `vaccinations.0.date`) and why. */
export interface SubjectIssue {
  path: string;
  message: string;
}

/** The outcome of parsing data that came from outside: a typed value or the reasons it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: SubjectIssue[] };

/** Turns zod's issues into ours. zod's messages describe the rule, never echo the input. */
export function issuesFromZod(error: z.ZodError): SubjectIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Runs a zod schema and answers a {@link Parsed}. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: issuesFromZod(result.error) };
}

/** A collector of issues, for meaning checks that zod's shape rules cannot express. */
export class IssueList {
  readonly issues: SubjectIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  result<T>(value: T): Parsed<T> {
    return this.issues.length === 0 ? { ok: true, value } : { ok: false, issues: this.issues };
  }
}
