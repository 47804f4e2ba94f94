/** One reason a request was refused, by JSON path; the message never echoes the value. */
export interface ProblemDetail {
  path: string;
  message: string;
}

/** An RFC 9457 problem document carrying Passage's stable `code`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: ProblemDetail[];
}

/** Builds the problem document for a code; `type` is a stable URL derived from the code. */
export function problemDocument(
  code: string,
  status: number,
  detail: string,
  errors: ProblemDetail[] = [],
): ProblemDocument {
  return {
    type: `https://w3id.org/passage/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: code,
    status,
    detail,
    code,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** The problem for an error body-parser raised (bad JSON, too large, bad encoding), if it is one. */
export function bodyParserProblem(
  error: unknown,
): { code: 'MALFORMED_INPUT' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE'; detail: string } | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed')
    return { code: 'MALFORMED_INPUT', detail: 'the request body is not valid JSON' };
  if (type === 'entity.too.large')
    return { code: 'PAYLOAD_TOO_LARGE', detail: 'the request body is too large' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'the request body encoding is not supported' };
  }
  return undefined;
}
