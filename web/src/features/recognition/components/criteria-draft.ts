import type { Known, ProgramPeriod, RecognitionEventKind, RecognitionMetric } from '@/lib/api/enums';
import type { BadgeCriteria } from '@/lib/api/schema';
import { decimalInput, parseWholeInput } from '@/lib/decimal-input';

// The criterion kinds of recognition.proto's BadgeCriteria oneof (the JSON field names).
export type CriterionKind = keyof BadgeCriteria;

export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = {
  eventCount: 'Count of an event',
  periodSum: 'Sales or points in a period',
  certification: 'Holds a certification',
  placement: 'Top finish on a leaderboard',
  streak: 'Monthly streak',
  moduleCompleted: 'Completed a training module',
  challengeCompleted: 'Completed a challenge',
};

// The events that happen to a user (the server refuses the others for counts and streaks).
export const COUNTABLE_EVENT_LABELS: Partial<Record<Known<RecognitionEventKind>, string>> = {
  RECOGNITION_EVENT_KIND_CLAIM_APPROVED: 'Approved claim',
  RECOGNITION_EVENT_KIND_TRAINING_COMPLETED: 'Training module completed',
  RECOGNITION_EVENT_KIND_KUDOS_RECEIVED: 'Kudos received',
  RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED: 'Challenge completed',
};

export const METRIC_LABELS: Record<Known<RecognitionMetric>, string> = {
  RECOGNITION_METRIC_SALES: 'Approved sales',
  RECOGNITION_METRIC_POINTS: 'Points earned',
};

export const CALENDAR_PERIOD_LABELS: Record<Known<ProgramPeriod>, string> = {
  PROGRAM_PERIOD_MONTH: 'Month',
  PROGRAM_PERIOD_QUARTER: 'Quarter',
  PROGRAM_PERIOD_YEAR: 'Year',
};

// What the form holds while editing: text as typed, for every kind (switching kinds keeps it).
export interface CriteriaDraft {
  kind: CriterionKind;
  event: RecognitionEventKind;
  count: string;
  metric: RecognitionMetric;
  currencyCode: string;
  period: ProgramPeriod;
  threshold: string;
  certificationCode: string;
  leaderboardId: string;
  top: string;
  streakEvent: RecognitionEventKind;
  months: string;
  moduleId: string;
  challengeId: string;
}

export const emptyCriteriaDraft: CriteriaDraft = {
  kind: 'eventCount',
  event: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED',
  count: '',
  metric: 'RECOGNITION_METRIC_SALES',
  currencyCode: 'EUR',
  period: 'PROGRAM_PERIOD_QUARTER',
  threshold: '',
  certificationCode: '',
  leaderboardId: '',
  top: '3',
  streakEvent: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED',
  months: '3',
  moduleId: '',
  challengeId: '',
};


// Int32 fields must be numbers in JSON: text that is not a whole number is caught here (the
// field path as the server names it, under "badge.criteria."), everything else the server checks.
export interface CriteriaResult {
  criteria: BadgeCriteria;
  errors: Record<string, string>;
}

export function criteriaFromDraft(d: CriteriaDraft): CriteriaResult {
  const errors: Record<string, string> = {};
  const whole = (text: string, field: string): number => {
    const digits = parseWholeInput(text);
    if (digits === null || digits.length > 9) {
      errors[`badge.criteria.${field}`] = 'Enter a whole number';
      return 0;
    }
    return Number(digits);
  };
  switch (d.kind) {
    case 'eventCount':
      return { criteria: { eventCount: { event: d.event, count: String(whole(d.count, 'event_count.count')) } }, errors };
    case 'periodSum':
      return {
        criteria: {
          periodSum: {
            metric: d.metric,
            currencyCode: d.metric === 'RECOGNITION_METRIC_SALES' ? d.currencyCode.trim().toUpperCase() : '',
            period: d.period,
            threshold: decimalInput(d.threshold),
          },
        },
        errors,
      };
    case 'certification':
      return { criteria: { certification: { certificationCode: d.certificationCode.trim() } }, errors };
    case 'placement': {
      const top = whole(d.top, 'placement.top');
      return { criteria: { placement: { leaderboardId: d.leaderboardId || '0', top } }, errors };
    }
    case 'streak': {
      const months = whole(d.months, 'streak.months');
      return { criteria: { streak: { event: d.streakEvent, months } }, errors };
    }
    case 'moduleCompleted':
      return { criteria: { moduleCompleted: { moduleId: d.moduleId || '0' } }, errors };
    case 'challengeCompleted':
      return { criteria: { challengeCompleted: { challengeId: d.challengeId || '0' } }, errors };
  }
}
