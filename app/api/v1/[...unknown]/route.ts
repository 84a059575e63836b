import { answerUnroutable } from '@/server/http/api-route';

export const dynamic = 'force-dynamic';

/** Any /api/v1 path no other route serves: a JSON 404 (400 for a malformed segment) with the API's headers, for every method. */
export const GET = answerUnroutable;
export const HEAD = answerUnroutable;
export const POST = answerUnroutable;
export const PUT = answerUnroutable;
export const PATCH = answerUnroutable;
export const DELETE = answerUnroutable;
export const OPTIONS = answerUnroutable;
