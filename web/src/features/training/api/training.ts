// Completing modules (partners) and adding them to the catalog (program admins); reading the
// catalog and certifications is in lib/api/training.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { recognitionKeys } from '@/lib/api/recognition';
import type { TrainingCompletion, TrainingModule } from '@/lib/api/schema';

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
