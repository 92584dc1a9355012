// Lists read from the server a page at a time: every List RPC answers `nextPageToken` ('' on
// the last page) and reads the next page with it as `pageToken`. One hook for all of them, so no
// list stops silently at one large page; <LoadMore> (components/ListControls) asks for the next.
import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { api, type QueryValue } from '@/lib/api-client';

// A List RPC's answer: its rows in one repeated field, and the token of the next page.
export interface TokenPage {
  nextPageToken?: string;
}

// The names of `Page`'s repeated fields (e.g. 'users' of ListUsersResponse).
export type RowsField<Page> = {
  [K in keyof Page]-?: NonNullable<Page[K]> extends ReadonlyArray<unknown> ? K : never;
}[keyof Page];

export type RowOf<Page, Field extends RowsField<Page>> = NonNullable<Page[Field]> extends ReadonlyArray<infer Row> ? Row : never;

// The pages read so far (as TanStack keeps them) and their rows in order.
export type ServerPages<Page, Row> = InfiniteData<Page, string> & { items: Row[] };

export interface ServerPagesOptions<Page extends TokenPage, Field extends RowsField<Page>> {
  // The whole key: include every filter in `params` and the page size (a page token continues
  // only the list and filters that issued it).
  queryKey: QueryKey;
  path: string;
  // The filters, sent with every page.
  params?: Record<string, QueryValue>;
  // The response field that holds the rows.
  field: Field;
  pageSize?: number;
  enabled?: boolean;
  // Keep the rows of the previous filters on screen while the new ones load (search boxes).
  keepPrevious?: boolean;
  staleTime?: number;
}

// GET `path` with `params`, `pageSize` rows a page; `fetchNextPage` reads the next page with the
// previous answer's token, and `hasNextPage` is false once the server answers no token.
// `data.items` holds the rows of every page read, in order.
export function useServerPages<Page extends TokenPage, Field extends RowsField<Page>>({
  queryKey,
  path,
  params = {},
  field,
  pageSize = 50,
  enabled = true,
  keepPrevious = false,
  staleTime,
}: ServerPagesOptions<Page, Field>) {
  type Row = RowOf<Page, Field>;
  const select = useCallback(
    (data: InfiniteData<Page, string>): ServerPages<Page, Row> => ({
      ...data,
      items: data.pages.flatMap((page) => (page[field] ?? []) as Row[]),
    }),
    [field],
  );
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.get<Page>(path, { ...params, pageSize, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last: Page) => last.nextPageToken || undefined,
    select,
    enabled,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    // Unset, the app's default applies (an explicit undefined would override it).
    ...(staleTime !== undefined ? { staleTime } : {}),
  });
}
