// Programs, enrollments, progress and products as several features read them (claims, the
// dashboard, partners, payouts, recognition, review). The program admin's own calls (create,
// update, simulate, versions) are in features/programs.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ProgramStatus } from './enums';
import type { ListEnrollmentsResponse, ListProductsResponse, ListProgramsResponse, PartnerProgress, Program } from './schema';

export const programKeys = {
  all: ['programs'] as const,
  list: (status?: ProgramStatus) => ['programs', 'list', status ?? 'any'] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  enrollments: (partnerId?: string) => ['programs', 'enrollments', partnerId ?? 'mine'] as const,
  progress: (programId: string, partnerId?: string) => ['programs', 'progress', programId, partnerId ?? 'mine'] as const,
  products: (query: string) => ['products', query] as const,
  search: (status: string, nameContains: string) => ['programs', 'search', status, nameContains] as const,
  versions: (id: string) => ['programs', 'versions', id] as const,
  programEnrollments: (id: string) => ['programs', 'program-enrollments', id] as const,
  eligibility: (id: string, partnerId: string) => ['programs', 'eligibility', id, partnerId] as const,
};

export function usePrograms(status?: ProgramStatus) {
  return useQuery({
    queryKey: programKeys.list(status),
    queryFn: async () => (await api.get<ListProgramsResponse>('/v1/programs', { pageSize: 200, status })).programs ?? [],
  });
}

export function useProgram(id: string | undefined) {
  return useQuery({
    queryKey: programKeys.detail(id ?? ''),
    queryFn: () => api.get<Program>(`/v1/programs/${id}`),
    enabled: !!id && id !== '0',
  });
}

// The caller's partner's enrollments (partner roles), or a partner's (vendor roles).
export function useEnrollments(partnerId?: string) {
  return useQuery({
    queryKey: programKeys.enrollments(partnerId),
    queryFn: async () =>
      (await api.get<ListEnrollmentsResponse>('/v1/enrollments', { pageSize: 200, partnerId })).enrollments ?? [],
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
