import type { Paced } from '@/lib/topology/paced';

/** Where a query answer's result array opens: Prometheus writes status and resultType first. */
const RESULT_OPEN = '"result":[';
/** Between two series of a result: only there can `},{"metric":` stand (a quote inside a JSON string is escaped). */
const SERIES_BREAK = '},{"metric":';
/** Text parsed per piece: ~1-3 ms of JSON.parse. */
const PIECE_CHARS = 256 * 1024;

/**
 * JSON.parse of a Prometheus query answer, in pieces of ~256 KiB of series
 * with a pause point between them (lib/topology/paced.ts): at M the topology's
 * request series are tens of MB, one JSON.parse of ~100 ms. The result array is
 * cut where one series ends and the next begins; the rest of the document
 * (status, data, warnings) is parsed with the last series left in, so the answer
 * is the one JSON.parse gives. Anything unexpected falls back to one JSON.parse.
 */
export function* parsePromAnswer(body: string): Paced<unknown> {
  const open = body.indexOf(RESULT_OPEN);
  if (body.length < 2 * PIECE_CHARS || open < 0 || open > 200) return JSON.parse(body);
  const first = open + RESULT_OPEN.length;
  const series: unknown[] = [];
  let start = first;
  for (;;) {
    const cut = body.indexOf(SERIES_BREAK, start + PIECE_CHARS);
    if (cut < 0) break;
    const piece = tryParse(`[${body.slice(start, cut + 1)}]`);
    if (!Array.isArray(piece)) return JSON.parse(body);
    for (const s of piece) series.push(s);
    start = cut + 2;
    yield;
  }
  // The document with only the series not yet parsed: valid JSON of its own.
  const rest = tryParse(body.slice(0, first) + body.slice(start)) as { data?: { result?: unknown } } | undefined;
  const tail = rest?.data?.result;
  if (!Array.isArray(tail)) return JSON.parse(body);
  for (const s of tail) series.push(s);
  rest!.data!.result = series;
  return rest;
}

/** JSON.parse, or undefined for text that is not JSON (the caller then parses the whole body, which names the error). */
function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
