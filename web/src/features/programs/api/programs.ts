import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fieldMaskJson } from '@/lib/api-client';
import type { ProgramStatus } from '@/lib/api/enums';
import type {
  CheckEligibilityResponse,
  ListEnrollmentsResponse,
  ListPartnersResponse,
  ListProductsResponse,
  ListProgramRulesVersionsResponse,
  ListProgramsResponse,
  PartnerProgress,
  Program,
  SimulateProgramRequest,
  SimulationResult,
} from '@/lib/api/schema';

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

// The manager console's program list: by status and a name fragment (server-side filters).
export function useProgramSearch(status: ProgramStatus | '', nameContains: string) {
  return useQuery({
    queryKey: programKeys.search(status, nameContains),
    queryFn: async () =>
      (
        await api.get<ListProgramsResponse>('/v1/programs', {
          pageSize: 200,
          status: status || undefined,
          nameContains: nameContains.trim(),
        })
      ).programs ?? [],
    placeholderData: keepPreviousData,
  });
}

// Every version of a program's rules (vendor roles), newest first as the server lists them.
export function useRulesVersions(programId: string) {
  return useQuery({
    queryKey: programKeys.versions(programId),
    queryFn: async () =>
      (await api.get<ListProgramRulesVersionsResponse>(`/v1/programs/${programId}/versions`)).versions ?? [],
  });
}

// The partners enrolled in one program (vendor roles).
export function useProgramEnrollments(programId: string) {
  return useQuery({
    queryKey: programKeys.programEnrollments(programId),
    queryFn: async () =>
      (await api.get<ListEnrollmentsResponse>('/v1/enrollments', { programId, pageSize: 500 })).enrollments ?? [],
  });
}

// Whether a partner may enroll in a program, and why not.
export function useEligibility(programId: string, partnerId: string) {
  return useQuery({
    queryKey: programKeys.eligibility(programId, partnerId),
    queryFn: () => api.get<CheckEligibilityResponse>(`/v1/programs/${programId}/eligibility`, { partnerId }),
    enabled: !!partnerId,
  });
}

// Partners whose name contains `query` (for pickers), and the whole directory for names by id.
export function usePartnerSearch(query: string) {
  return useQuery({
    queryKey: ['partners', 'search', query],
    queryFn: async () =>
      (await api.get<ListPartnersResponse>('/v1/partners', { nameContains: query.trim(), pageSize: 20 })).partners ?? [],
    enabled: query.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function usePartnerDirectory() {
  return useQuery({
    queryKey: ['partners', 'directory'],
    queryFn: async () => (await api.get<ListPartnersResponse>('/v1/partners', { pageSize: 500 })).partners ?? [],
    staleTime: 5 * 60_000,
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (program: Program) => api.post<Program>('/v1/programs', program),
    onSuccess: (saved) => {
      queryClient.setQueryData(programKeys.detail(saved.id ?? ''), saved);
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
    },
  });
}

// PATCH with the changed fields (snake_case paths) and the etag the editor started from.
export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ program, mask }: { program: Program & { id: string; etag: string }; mask: string[] }) =>
      api.patch<Program>(`/v1/programs/${program.id}`, program, mask),
    onSuccess: (saved) => {
      queryClient.setQueryData(programKeys.detail(saved.id ?? ''), saved);
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
    },
  });
}

export type StatusAction = 'activate' | 'pause' | 'close';

export function useChangeProgramStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, action }: { id: string; etag: string; action: StatusAction }) =>
      api.post<Program>(`/v1/programs/${id}:${action}`, { etag }),
    onSuccess: (saved) => {
      queryClient.setQueryData(programKeys.detail(saved.id ?? ''), saved);
      void queryClient.invalidateQueries({ queryKey: programKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
    },
  });
}

// SimulateProgram's request with the update mask as the paths that changed (snake_case, as
// field violations name them): `program` holds changes to replay instead of the stored program
// (as for UpdateProgram); without them the program is simulated as stored.
export type SimulationRequest = Omit<SimulateProgramRequest, 'updateMask'> & { updateMask?: string[] };

export function simulateProgram({ programId, historyStart, historyEnd, program, updateMask }: SimulationRequest) {
  const body: SimulateProgramRequest = { programId, historyStart, historyEnd };
  if (program && updateMask && updateMask.length > 0) {
    body.program = program;
    body.updateMask = fieldMaskJson(updateMask);
  }
  return api.post<SimulationResult>('/v1/programs:simulate', body);
}
