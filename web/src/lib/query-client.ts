import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Authentication, permission and bad-request answers do not improve by retrying.
      retry: (failures, error) =>
        !(error instanceof ApiError && [400, 401, 403, 404].includes(error.httpStatus)) && failures < 2,
    },
  },
});
