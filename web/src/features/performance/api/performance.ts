import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type {
  AddProgramCostRequest,
  ListProgramCostsResponse,
  ListProgramPerformanceResponse,
  ProgramCost,
  ProgramPerformance,
} from '@/lib/api/schema';

// The baseline period to compare with (both unset: the server's default).
export type Baseline = QueryParams<'PerformanceService_GetProgramPerformance'>;
// A cost to add (an unset category is named by the API as a field violation).
export type NewProgramCost = Omit<AddProgramCostRequest, 'programId'>;

export const performanceKeys = {
  all: ['performance'] as const,
  list: () => ['performance', 'list'] as const,
  program: (programId: string, baseline: Baseline) => ['performance', 'program', programId, baseline] as const,
  costs: (programId: string) => ['performance', 'costs', programId] as const,
};

// Every program that has started, side by side (no breakdowns). The API has no filters.
export function useProgramPerformanceList() {
  return useQuery({
    queryKey: performanceKeys.list(),
    queryFn: async () => (await api.get<ListProgramPerformanceResponse>('/v1/program-performance')).programs ?? [],
  });
}

// One program's figures with its breakdowns, against the default or a chosen baseline period.
export function useProgramPerformance(programId: string, baseline: Baseline = {}) {
  return useQuery({
    queryKey: performanceKeys.program(programId, baseline),
    queryFn: () => api.get<ProgramPerformance>(`/v1/programs/${programId}/performance`, { ...baseline }),
    // While another baseline loads, keep showing this program's figures (never another program's).
    placeholderData: (previous) => (previous?.programId === programId ? previous : undefined),
  });
}

// The CSV download (a plain link: the browser sends the session cookie).
export function performanceExportUrl(programId: string, baseline: Baseline = {}): string {
  return `/v1/programs/${programId}/performance:export${queryString({ ...baseline })}`;
}

export function useProgramCosts(programId: string) {
  return useQuery({
    queryKey: performanceKeys.costs(programId),
    queryFn: async () => (await api.get<ListProgramCostsResponse>(`/v1/programs/${programId}/costs`)).costs ?? [],
  });
}

// A cost changes the program's figures too: refresh everything performance shows.
export function useAddProgramCost(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cost: NewProgramCost) => api.post<ProgramCost>(`/v1/programs/${programId}/costs`, { programId, ...cost }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: performanceKeys.all }),
  });
}

export function useVoidProgramCost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (costId: string) => api.post<ProgramCost>(`/v1/program-costs/${costId}:void`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: performanceKeys.all }),
  });
}
