import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LedgerEntry } from '@/lib/api/schema';

// Reverses an entry with a reason (finance and program admins); the reversal is a new entry.
export function useReverseLedgerEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { entryId: string; reason: string }) =>
      api.post<LedgerEntry>(`/v1/ledger-entries/${input.entryId}:reverse`, { reason: input.reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ledger'] }),
  });
}
