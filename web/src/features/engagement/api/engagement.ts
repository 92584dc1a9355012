import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type {
  Challenge,
  FeedEntry,
  ListChallengesResponse,
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

// Surveys newest first: partner users those of their audience (never archived ones); vendor
// roles all, archived ones too with `includeArchived`.
export function useSurveys(openOnly: boolean, includeArchived = false) {
  return useQuery({
    queryKey: ['surveys', openOnly, includeArchived],
    queryFn: async () =>
      (await api.get<ListSurveysResponse>('/v1/surveys', { openOnly: openOnly || undefined, includeArchived: includeArchived || undefined })).surveys ?? [],
  });
}

// NPS results of a survey: vendor roles every partner's responses, partner admins their own
// partner's (the server decides).
export function useSurveyResults(id: string | null) {
  return useQuery({
    queryKey: ['surveys', 'results', id],
    queryFn: () => api.get<SurveyResults>(`/v1/surveys/${id}/results`),
    enabled: !!id,
  });
}

export type SurveyEdit = { survey: Pick<Survey, 'id' | 'etag'> & Partial<Survey>; mask: string[] };

// Changes the fields `mask` names of a survey read at `etag` (program admins and channel
// managers); archived true archives it, false restores it.
export function useUpdateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survey, mask }: SurveyEdit) => api.patch<Survey>(`/v1/surveys/${survey.id}`, survey, mask),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys'] }),
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

// Every challenge, ended ones too, as the setup page lists them: archived ones too with
// `includeArchived` (vendor roles).
export function useChallengeSetupList(includeArchived: boolean) {
  return useQuery({
    queryKey: ['challenges', 'setup', includeArchived],
    queryFn: async () =>
      (await api.get<ListChallengesResponse>('/v1/challenges', { includeEnded: true, includeArchived: includeArchived || undefined })).challenges ?? [],
  });
}

export type ChallengeEdit = { challenge: Pick<Challenge, 'id' | 'etag'> & Partial<Challenge>; mask: string[] };

// Changes the fields `mask` names of a challenge read at `etag` (program admins); archived true
// archives it, false restores it.
export function useUpdateChallenge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ challenge, mask }: ChallengeEdit) => api.patch<Challenge>(`/v1/challenges/${challenge.id}`, challenge, mask),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['challenges'] }),
  });
}

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
