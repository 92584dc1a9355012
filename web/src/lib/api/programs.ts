// Programs, enrollments, progress and products as several features read them (claims, the
// dashboard, partners, payouts, recognition, review). The program admin's own calls (create,
// update, simulate, versions) are in features/programs.
import { useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '@/lib/api-client';
import type { ProgramStatus } from './enums';
import { useRowsById } from './by-id';
import type { Enrollment, ListEnrollmentsResponse, ListProductsResponse, ListProgramsResponse, PartnerProgress, Program } from './schema';
import { useServerPages } from './server-pages';

export const programKeys = {
  all: ['programs'] as const,
  list: (status?: ProgramStatus) => ['programs', 'list', status ?? 'any'] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  enrollments: () => ['programs', 'enrollments', 'mine'] as const,
  enrollmentPages: (filter: { partnerId?: string; programId?: string }, pageSize: number) =>
    ['programs', 'enrollment-pages', filter, pageSize] as const,
  progress: (programId: string, partnerId?: string) => ['programs', 'progress', programId, partnerId ?? 'mine'] as const,
  products: (query: string) => ['products', query] as const,
  search: (status: string, nameContains: string) => ['programs', 'search', status, nameContains] as const,
  matches: (status: string, nameContains: string, pageSize: number) => ['programs', 'matches', status, nameContains, pageSize] as const,
  versions: (id: string) => ['programs', 'versions', id] as const,
  eligibility: (id: string, partnerId: string) => ['programs', 'eligibility', id, partnerId] as const,
};

const kWholeListPage = 200;

// Every page of a list, for the few screens that need the whole of a small set (a partner's
// own programs and enrollments); console tables and pickers read a page at a time instead.
async function readAll<Page extends { nextPageToken?: string }, Row>(
  path: string,
  params: Record<string, QueryValue>,
  rows: (page: Page) => Row[] | undefined,
): Promise<Row[]> {
  const all: Row[] = [];
  let pageToken = '';
  do {
    const page = await api.get<Page>(path, { ...params, pageSize: kWholeListPage, pageToken });
    all.push(...(rows(page) ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return all;
}

// Every program the caller may see (partner roles: those open or visible to their partner).
// To choose one, use <ProgramPicker>; to name those a page shows, useProgramsById.
export function usePrograms(status?: ProgramStatus) {
  return useQuery({
    queryKey: programKeys.list(status),
    queryFn: () => readAll<ListProgramsResponse, Program>('/v1/programs', { status }, (page) => page.programs),
  });
}

// Programs whose name contains `nameContains`, a page at a time (the program pickers).
export function useProgramMatches(nameContains: string, status?: ProgramStatus, pageSize = 50) {
  return useServerPages<ListProgramsResponse, 'programs'>({
    queryKey: programKeys.matches(status ?? '', nameContains, pageSize),
    path: '/v1/programs',
    params: { status, nameContains },
    field: 'programs',
    pageSize,
    keepPrevious: true,
  });
}

export function useProgram(id: string | undefined) {
  return useQuery({
    queryKey: programKeys.detail(id ?? ''),
    queryFn: () => api.get<Program>(`/v1/programs/${id}`),
    enabled: !!id && id !== '0',
  });
}

// The programs with `ids` by id, to name those a page shows (and their rules): each read once
// and cached with useProgram's key. Ids the caller may not see are missing from the map.
export function useProgramsById(ids: readonly string[]): Map<string, Program> {
  return useRowsById(ids, (id) => ({ queryKey: programKeys.detail(id), queryFn: () => api.get<Program>(`/v1/programs/${id}`) }));
}

// The caller's partner's enrollments (partner roles: every one, for their own program pages).
export function useEnrollments() {
  return useQuery({
    queryKey: programKeys.enrollments(),
    queryFn: () => readAll<ListEnrollmentsResponse, Enrollment>('/v1/enrollments', {}, (page) => page.enrollments),
  });
}

// Enrollments a page at a time (vendor roles: of one partner, of one program, or both).
export function useEnrollmentPages(filter: { partnerId?: string; programId?: string }, pageSize = 50) {
  return useServerPages<ListEnrollmentsResponse, 'enrollments'>({
    queryKey: programKeys.enrollmentPages(filter, pageSize),
    path: '/v1/enrollments',
    params: filter,
    field: 'enrollments',
    pageSize,
  });
}

// Active programs the caller's partner is enrolled in: where its claims can go.
export function useEnrolledPrograms() {
  const programs = usePrograms('PROGRAM_STATUS_ACTIVE');
  const enrollments = useEnrollments();
  const enrolled = new Set((enrollments.data ?? []).map((e) => e.programId));
  return {
    isPending: programs.isPending || enrollments.isPending,
    isError: programs.isError || enrollments.isError,
    error: programs.error ?? enrollments.error,
    data: programs.data && enrollments.data ? programs.data.filter((p) => enrolled.has(p.id)) : undefined,
    refetch: () => {
      void programs.refetch();
      void enrollments.refetch();
    },
  };
}

export function usePartnerProgress(programId: string, partnerId?: string) {
  return useQuery({
    queryKey: programKeys.progress(programId, partnerId),
    queryFn: () => api.get<PartnerProgress>(`/v1/programs/${programId}/progress`, { partnerId }),
  });
}

// Active catalog products matching `query` (SKU or name).
export function useProductSearch(query: string) {
  return useQuery({
    queryKey: programKeys.products(query),
    queryFn: async () =>
      (await api.get<ListProductsResponse>('/v1/products', { query, status: 'PRODUCT_STATUS_ACTIVE', pageSize: 50 }))
        .products ?? [],
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

// The whole catalog (up to 500 products), for showing names next to SKUs.
export function useCatalog() {
  return useQuery({
    queryKey: ['products', 'catalog'],
    queryFn: async () => (await api.get<ListProductsResponse>('/v1/products', { pageSize: 500 })).products ?? [],
    staleTime: 10 * 60_000,
  });
}
