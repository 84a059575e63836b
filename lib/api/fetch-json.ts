import type { z } from 'zod';
import { apiErrorSchema } from './envelope';

/** A failed API call, carrying the server's reason and whether retrying can help. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly requestId?: string,
    /** The parsed body, when the server sent one (503 answers carry the envelope). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** The server's error code (`history_off`, `csrf`, ...), when its body carried one. */
  get code(): string | undefined {
    return apiErrorSchema.safeParse(this.body).data?.error.code;
  }

  /** 4xx answers other than 408/429 will not change on retry. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429 || this.status === 0;
  }
}

/**
 * GETs a JSON API path and parses the body with a schema, so a server/client
 * mismatch fails loudly here rather than as undefined deep in a component.
 */
export async function fetchJson<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    throw new ApiRequestError(0, `cannot reach the Meshglass server: ${(err as Error).message}`);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const problem = apiErrorSchema.safeParse(body);
    const message = problem.success ? problem.data.error.message : `${res.status} ${res.statusText}`;
    throw new ApiRequestError(res.status, message, problem.success ? problem.data.requestId : undefined, body);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(res.status, `unexpected response from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
