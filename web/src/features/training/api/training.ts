import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ListCertificationsResponse, ListTrainingModulesResponse, TrainingCompletion, TrainingModule } from '@/lib/api/schema';
import { recognitionKeys } from '@/features/recognition/api/recognition';

export function useTrainingModules() {
  return useQuery({
    queryKey: ['training', 'modules'],
    queryFn: async () =>
      (await api.get<ListTrainingModulesResponse>('/v1/training-modules', { pageSize: 200 })).trainingModules ?? [],
    staleTime: 5 * 60_000,
  });
}

// Certifications of the caller (partner reps), their partner (partner admins) or a partner.
export function useCertifications(filter: { partnerId?: string; includeExpired?: boolean } = {}) {
  return useQuery({
    queryKey: ['training', 'certifications', filter],
    queryFn: async () =>
      (await api.get<ListCertificationsResponse>('/v1/certifications', { ...filter, pageSize: 500, includeExpired: filter.includeExpired || undefined }))
        .certifications ?? [],
  });
}

export function useCompleteTraining() {
  const queryClient = useQueryClient();
  return useMutation({
    // quizAnswers: the selected option indexes per question, for a module with a portal quiz.
    mutationFn: ({ moduleId, quizAnswers }: { moduleId: string; quizAnswers?: number[][] }) =>
      api.post<TrainingCompletion>(`/v1/training-modules/${moduleId}:complete`, {
        quizAnswers: (quizAnswers ?? []).map((selectedOptions) => ({ selectedOptions })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['training'] });
      void queryClient.invalidateQueries({ queryKey: recognitionKeys.summary });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

export type NewTrainingModule = Omit<TrainingModule, 'id' | 'createTime' | 'myLastCompletionTime'>;

// Adds a module to the catalog (program admins).
export function useCreateTrainingModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (module: NewTrainingModule) => api.post<TrainingModule>('/v1/training-modules', module),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['training', 'modules'] }),
  });
}
