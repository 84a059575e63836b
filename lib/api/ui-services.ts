import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchServices } from './services';
import { qk } from './query-keys';

/** Rows per request: the API's maximum, so 50,000 services are 100 requests, made as the user scrolls. */
export const SERVICES_PAGE_SIZE = 500;

export interface ServicesListParams {
  q?: string;
  cluster?: string;
  mesh?: string;
  namespace?: string;
  kind?: string;
  health?: string;
  /** Rows with an instance in this data-plane mode in any cluster. */
  dataplane?: string;
  sort?: string;
}

/**
 * The services list page by page; the key sits under services/list so SSE changes invalidate it.
 * Rows carry their mesh's rate, errors and p95, which move without a fleet change: the loaded
 * pages are read again every 15 s, as often as the signals they replace were.
 */
export function useServicesInfinite(p: ServicesListParams) {
  return useInfiniteQuery({
    queryKey: qk.services.list({ ...p, infinite: true }),
    refetchInterval: 15_000,
    queryFn: ({ pageParam }) => fetchServices({ ...p, page: pageParam, pageSize: SERVICES_PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.data.page * last.data.pageSize < last.data.total ? last.data.page + 1 : undefined),
  });
}
