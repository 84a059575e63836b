import type { RequestRates } from './request-health';

/** Which bucket a response falls in for health; 'ok' counts only toward the total. */
export type ResponseClass = 'ok' | 'http5xx' | 'http4xx' | 'grpc' | 'noResponse';

/**
 * Classifies one istio_requests_total series by its labels. gRPC calls are
 * judged by grpc_response_status (HTTP 200 carries gRPC errors); a response
 * code of 0 or '-' means the request never got a response.
 */
export function classifyResponse(protocol: string | undefined, responseCode: string | undefined, grpcStatus: string | undefined): ResponseClass {
  if (responseCode === undefined || responseCode === '' || responseCode === '0' || responseCode === '-') return 'noResponse';
  if (protocol === 'grpc' && grpcStatus !== undefined && grpcStatus !== '' && grpcStatus !== '-' && grpcStatus !== '0') return 'grpc';
  if (responseCode.startsWith('5')) return 'http5xx';
  if (responseCode.startsWith('4')) return 'http4xx';
  return 'ok';
}

export function emptyRates(): RequestRates {
  return { total: 0, http5xx: 0, http4xx: 0, grpc: 0, noResponse: 0 };
}

/** Adds one series' rate to a running total, in place. */
export function addRate(into: RequestRates, cls: ResponseClass, rate: number): RequestRates {
  into.total += rate;
  if (cls !== 'ok') into[cls] += rate;
  return into;
}
