/** Reads a request body as JSON (or YAML for server-side apply), with a size limit. */
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, KubeApiError } from './errors';

const MAX_BODY_BYTES = 3 * 1024 * 1024; // the API server's limit for a single object

/** The parsed body; 413 when too large, 400 when not JSON (YAML accepted for application/apply-patch+yaml). */
export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new KubeApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw badRequest('the body of the request was empty');
  const yaml = (req.headers['content-type'] ?? '').includes('yaml');
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body of the request was in an unknown format: ${(e as Error).message}`);
  }
}
