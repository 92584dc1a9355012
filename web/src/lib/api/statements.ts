// Statements as both the partners' rewards pages and finance's payout pages use them: one set
// of query keys, so a payment refreshes both, and the one CSV download.
import { api } from '@/lib/api-client';
import type { QueryParams } from './query';
import type { ExportStatementResponse } from './schema';

export type StatementFilter = Omit<QueryParams<'PayoutService_ListStatements'>, 'pageSize' | 'pageToken'>;

export const statementKeys = {
  all: ['statements'] as const,
  list: (filter: StatementFilter) => ['statements', 'list', filter] as const,
  detail: (id: string | null) => ['statements', 'detail', id] as const,
};

// Saves one statement's CSV (the API answers it as JSON with the file's name and text).
export async function downloadStatementCsv(id: string): Promise<void> {
  const file = await api.get<ExportStatementResponse>(`/v1/statements/${id}:export`);
  const url = URL.createObjectURL(new Blob([file.csv ?? ''], { type: file.contentType || 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? '';
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
