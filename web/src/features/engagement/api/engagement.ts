import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type {
  Challenge,
  FeedEntry,
  GiveKudosRequest,
  Kudos,
  KudosBudget,
  ListFeedResponse,
  ListSurveysResponse,
  PostSpotlightRequest,
  RespondToSurveyResponse,
  Survey,
  SurveyResults,
} from '@/lib/api/schema';

export type FeedFilter = Omit<QueryParams<'EngagementService_ListFeed'>, 'pageSize' | 'pageToken'>;

export function useFeed(filter: FeedFilter = {}) {
  return useInfiniteQuery({
    queryKey: ['feed', filter],
    queryFn: ({ pageParam }) =>
      api.get<ListFeedResponse>('/v1/feed', { ...filter, pageSize: 20, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

export function useSurveys(openOnly: boolean) {
  return useQuery({
    queryKey: ['surveys', openOnly],
    queryFn: async () => (await api.get<ListSurveysResponse>('/v1/surveys', { openOnly: openOnly || undefined })).surveys ?? [],
  });
}

export function useSurveyResults(id: string | null) {
  return useQuery({
    queryKey: ['surveys', 'results', id],
    queryFn: () => api.get<SurveyResults>(`/v1/surveys/${id}/results`),
    enabled: !!id,
  });
}

export function useRespondToSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ surveyId, score, comment }: { surveyId: string; score: number; comment: string }) =>
      api.post<RespondToSurveyResponse>(`/v1/surveys/${surveyId}:respond`, { score, comment }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

export function useGiveKudos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GiveKudosRequest) =>
      api.post<Kudos>('/v1/kudos', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['kudos-budget'] });
    },
  });
}

// A spotlight post about a partner (vendor staff).
export function usePostSpotlight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PostSpotlightRequest) => api.post<FeedEntry>('/v1/feed:spotlight', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['feed'] }),
  });
}

export function useKudosBudget(partnerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['kudos-budget', partnerId],
    queryFn: () => api.get<KudosBudget>(`/v1/kudos-budgets/${partnerId}`),
    enabled,
  });
}

export type NewChallenge = Pick<Challenge, 'title' | 'description' | 'startTime' | 'endTime' | 'programId' | 'audience' | 'goal' | 'rewardPoints'>;

// Adds a challenge (program admins).
export function useCreateChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (challenge: NewChallenge) => api.post<Challenge>('/v1/challenges', challenge),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['challenges'] }),
  });
}

export type NewSurvey = Pick<Survey, 'title' | 'question' | 'commentEnabled' | 'audience' | 'openTime' | 'closeTime'>;

// Adds a survey (program admins and channel managers).
export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (survey: NewSurvey) => api.post<Survey>('/v1/surveys', survey),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}

// Sets a monthly kudos budget (program admins); partner "0" is the vendor staff budget.
export function useSetKudosBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partnerId, monthlyPoints }: { partnerId: string; monthlyPoints: string }) =>
      api.put<KudosBudget>(`/v1/kudos-budgets/${partnerId}`, { monthlyPoints }),
    onSuccess: (budget) => queryClient.setQueryData(['kudos-budget', budget.partnerId], budget),
  });
}
