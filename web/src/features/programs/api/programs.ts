// The program admin's and manager console's calls; the program reads every feature shares
// (programs, enrollments, progress, products) are in lib/api/programs.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fieldMaskJson } from '@/lib/api-client';
import type { ProgramStatus } from '@/lib/api/enums';
import { programKeys } from '@/lib/api/programs';
import { useServerPages } from '@/lib/api/server-pages';
import type {
  CheckEligibilityResponse,
  Enrollment,
  ListPartnersResponse,
  ListProgramRulesVersionsResponse,
  ListProgramsResponse,
  ListProgramTermsVersionsResponse,
  Program,
  SimulateProgramRequest,
  SimulationResult,
} from '@/lib/api/schema';

// The manager console's program list: by status and a name fragment (server-side filters), a
// page at a time.
export function useProgramSearch(status: ProgramStatus | '', nameContains: string, pageSize = 50) {
  const name = nameContains.trim();
  return useServerPages<ListProgramsResponse, 'programs'>({
    queryKey: [...programKeys.search(status, name), pageSize],
    path: '/v1/programs',
    params: { status: status || undefined, nameContains: name },
    field: 'programs',
    pageSize,
    keepPrevious: true,
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

// Whether a partner may enroll in a program, and why not.
export function useEligibility(programId: string, partnerId: string) {
  return useQuery({
    queryKey: programKeys.eligibility(programId, partnerId),
    queryFn: () => api.get<CheckEligibilityResponse>(`/v1/programs/${programId}/eligibility`, { partnerId }),
    enabled: !!partnerId,
  });
}

// Partners whose name contains `query` (for pickers; names by id come from usePartnersById).
export function usePartnerSearch(query: string) {
  return useQuery({
    queryKey: ['partners', 'search', query],
    queryFn: async () =>
      (await api.get<ListPartnersResponse>('/v1/partners', { nameContains: query.trim(), pageSize: 20 })).partners ?? [],
    enabled: query.trim().length > 0,
    placeholderData: keepPreviousData,
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

// ---- A partner's view: joining programs and their terms ----

// Whether the caller's own partner may join a program, why not, and the terms it would accept.
export function useOwnEligibility(programId: string, enabled = true) {
  return useQuery({
    queryKey: programKeys.eligibility(programId, 'mine'),
    queryFn: () => api.get<CheckEligibilityResponse>(`/v1/programs/${programId}/eligibility`),
    enabled: enabled && !!programId,
  });
}

// Every terms version of a program, newest first, with who of the partner accepted each.
export function useTermsVersions(programId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['programs', 'terms-versions', programId],
    queryFn: async () =>
      (await api.get<ListProgramTermsVersionsResponse>(`/v1/programs/${programId}/terms-versions`)).versions ?? [],
    enabled,
  });
}

function useEnrollmentMutation(post: (programId: string, termsVersion: number) => Promise<Enrollment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, termsVersion }: { programId: string; termsVersion: number }) => post(programId, termsVersion),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: programKeys.all }),
  });
}

// The partner admin joins a program, accepting the terms version they read.
export function useEnroll() {
  return useEnrollmentMutation((programId, termsVersion) =>
    api.post<Enrollment>(`/v1/programs/${programId}/enrollments`, { acceptedTermsVersion: termsVersion }),
  );
}

// The partner admin accepts a program's new terms version.
export function useAcceptTerms() {
  return useEnrollmentMutation((programId, termsVersion) =>
    api.post<Enrollment>(`/v1/programs/${programId}/enrollments:acceptTerms`, { acceptedTermsVersion: termsVersion }),
  );
}
