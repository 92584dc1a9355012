// Labels of dispute states and subjects (English; translated where shown), and the age clock
// in parts a page words in the user's language.
import type { Known } from '@/lib/api/enums';
import type { Dispute, DisputeSubject } from '@/lib/api/schema';

export type DisputeState = NonNullable<Dispute['state']>;
export type DisputeSubjectKind = NonNullable<DisputeSubject['kind']>;

export const DISPUTE_STATE_LABELS: Record<Known<DisputeState>, string> = {
  DISPUTE_STATE_OPEN: 'Open',
  DISPUTE_STATE_ADJUSTED: 'Adjusted',
  DISPUTE_STATE_REFUSED: 'Refused',
  DISPUTE_STATE_WITHDRAWN: 'Withdrawn',
};

export const DISPUTE_STATE_TONES: Record<Known<DisputeState>, string> = {
  DISPUTE_STATE_OPEN: 'warning',
  DISPUTE_STATE_ADJUSTED: 'success',
  DISPUTE_STATE_REFUSED: 'danger',
  DISPUTE_STATE_WITHDRAWN: 'neutral',
};

export const DISPUTE_SUBJECT_LABELS: Record<Known<DisputeSubjectKind>, string> = {
  DISPUTE_SUBJECT_KIND_CLAIM: 'Claim',
  DISPUTE_SUBJECT_KIND_REWARD: 'Reward',
  DISPUTE_SUBJECT_KIND_MISSING_REWARD: 'Missing reward',
  DISPUTE_SUBJECT_KIND_STATEMENT_LINE: 'Statement line',
};

export interface AgeParts {
  days: number;
  hours: number;
  minutes: number;
}

// Whole days, hours and minutes of `seconds` (an int64 as the API sends it).
export function ageParts(seconds: string | number | undefined): AgeParts {
  const total = Math.max(0, Math.floor(Number(seconds ?? 0)) || 0);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
  };
}

// The subject a "Question this" link names in its query parameters: ?claim=12, ?entry=34,
// ?statement=5&entry=34, or ?program=3 for a missing reward. Null when it names none.
export function subjectFromSearch(search: URLSearchParams): DisputeSubject | null {
  const id = (name: string) => {
    const value = search.get(name) ?? '';
    return /^[1-9]\d*$/.test(value) ? value : '';
  };
  const claim = id('claim');
  const entry = id('entry');
  const statement = id('statement');
  const program = id('program');
  if (statement && entry) return { kind: 'DISPUTE_SUBJECT_KIND_STATEMENT_LINE', statementId: statement, entryId: entry };
  if (entry) return { kind: 'DISPUTE_SUBJECT_KIND_REWARD', entryId: entry };
  if (claim) return { kind: 'DISPUTE_SUBJECT_KIND_CLAIM', claimId: claim };
  if (program) return { kind: 'DISPUTE_SUBJECT_KIND_MISSING_REWARD', programId: program };
  return null;
}
