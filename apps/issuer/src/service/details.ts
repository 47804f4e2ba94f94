import type { SubjectIssue } from '@passage/schema';
import type { z } from 'zod';
import type { ProblemDetail } from '../errors.js';

/** zod issues as problem details: a JSON path and a message that never echoes the input. */
export function issuesToDetails(error: z.ZodError): ProblemDetail[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Subject issues from the schema package, prefixed with where they sit in the request. */
export function subjectIssuesToDetails(issues: SubjectIssue[], prefix = ''): ProblemDetail[] {
  return issues.map((i) => ({
    path: [prefix, i.path].filter((p) => p !== '').join('.'),
    message: i.message,
  }));
}
