// Completing modules (partners); adding, editing and archiving them and reading the catalog with
// archived modules (program admins). Reading the catalog as everyone sees it and certifications
// is in lib/api/training.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { recognitionKeys } from '@/lib/api/recognition';
import type { ListTrainingModulesResponse, TrainingCompletion, TrainingModule } from '@/lib/api/schema';

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

export type NewTrainingModule = Omit<TrainingModule, 'id' | 'createTime' | 'myLastCompletionTime' | 'archived' | 'etag'>;

// The catalog for the setup page: archived modules too when asked (vendor roles only; the
// server never lists them to partners).
export function useTrainingCatalog({ includeArchived }: { includeArchived: boolean }) {
  return useQuery({
    queryKey: ['training', 'modules', { includeArchived }],
    queryFn: async () =>
      (await api.get<ListTrainingModulesResponse>('/v1/training-modules', { pageSize: 200, includeArchived: includeArchived || undefined }))
        .trainingModules ?? [],
  });
}

// Adds a module to the catalog (program admins).
export function useCreateTrainingModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (module: NewTrainingModule) => api.post<TrainingModule>('/v1/training-modules', module),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['training', 'modules'] }),
  });
}

// The paths UpdateTrainingModule takes (snake_case, as field violations name them).
export type TrainingModulePath =
  | 'title'
  | 'description'
  | 'duration_minutes'
  | 'points'
  | 'pass_mark'
  | 'quiz_questions'
  | 'certification_valid_months'
  | 'archived';

// Changes the fields `mask` names, at the etag the edit started from (program admins); archiving
// and restoring are the mask ['archived'].
export function useUpdateTrainingModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, module, mask }: { id: string; etag: string; module: Partial<TrainingModule>; mask: TrainingModulePath[] }) =>
      api.patch<TrainingModule>(`/v1/training-modules/${id}`, { ...module, id, etag }, mask),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}
