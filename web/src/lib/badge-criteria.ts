import type { TFunction } from 'i18next';
import { labelOf, type Known, type ProgramPeriod, type RecognitionEventKind } from '@/lib/api/enums';
import type { BadgeCriteria } from '@/lib/api/schema';
import { formatMoneyShort, formatPoints } from '@/lib/format';

const kEventPhrases: Record<Known<RecognitionEventKind>, string> = {
  RECOGNITION_EVENT_KIND_CLAIM_APPROVED: 'approved claims',
  RECOGNITION_EVENT_KIND_POINTS_REVERSED: 'point reversals',
  RECOGNITION_EVENT_KIND_TRAINING_COMPLETED: 'training modules completed',
  RECOGNITION_EVENT_KIND_KUDOS_RECEIVED: 'kudos received',
  RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED: 'challenges completed',
  RECOGNITION_EVENT_KIND_TIER_CHANGED: 'tier changes',
};

// The same, counted ("3 approved claims"; plural forms in the en/nl tables).
const kEventCountPhrases: Record<Known<RecognitionEventKind>, string> = {
  RECOGNITION_EVENT_KIND_CLAIM_APPROVED: '{{count}} approved claims',
  RECOGNITION_EVENT_KIND_POINTS_REVERSED: '{{count}} point reversals',
  RECOGNITION_EVENT_KIND_TRAINING_COMPLETED: '{{count}} training modules completed',
  RECOGNITION_EVENT_KIND_KUDOS_RECEIVED: '{{count}} kudos received',
  RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED: '{{count}} challenges completed',
  RECOGNITION_EVENT_KIND_TIER_CHANGED: '{{count}} tier changes',
};

const kPeriodPhrases: Record<Known<ProgramPeriod>, string> = {
  PROGRAM_PERIOD_MONTH: 'in one month',
  PROGRAM_PERIOD_QUARTER: 'in one quarter',
  PROGRAM_PERIOD_YEAR: 'in one year',
};

interface Names {
  module?: (id: string) => string | undefined;
  challenge?: (id: string) => string | undefined;
  leaderboard?: (id: string) => string | undefined;
}

// What a badge asks for, in words ("3 approved claims", "€100,000 of sales in one quarter");
// "" for criteria this portal cannot put in words.
export function describeCriteria(criteria: BadgeCriteria | undefined, t: TFunction, names: Names = {}): string {
  if (!criteria) return '';
  if (criteria.eventCount) {
    const phrase = labelOf(kEventCountPhrases, criteria.eventCount.event);
    return phrase ? t(phrase, { count: Number(criteria.eventCount.count) }) : '';
  }
  if (criteria.periodSum) {
    const { metric, currencyCode, period, threshold } = criteria.periodSum;
    const amount =
      metric === 'RECOGNITION_METRIC_SALES'
        ? t('{{amount}} of sales', { amount: formatMoneyShort(threshold, currencyCode) })
        : t('{{points}} points', { points: formatPoints(threshold) });
    const when = labelOf(kPeriodPhrases, period);
    return when ? `${amount} ${t(when)}` : amount;
  }
  if (criteria.certification) {
    return t('Hold the {{code}} certification', { code: criteria.certification.certificationCode });
  }
  if (criteria.placement) {
    const board = names.leaderboard?.(criteria.placement.leaderboardId ?? '') ?? `#${criteria.placement.leaderboardId}`;
    return t('Finish a period of {{board}} in the top {{top}}', { board, top: criteria.placement.top });
  }
  if (criteria.streak) {
    const what = labelOf(kEventPhrases, criteria.streak.event);
    if (!what) return '';
    return t('{{what}} every month for {{months}} months in a row', {
      what: t(what),
      months: criteria.streak.months,
    });
  }
  if (criteria.moduleCompleted) {
    const module = names.module?.(criteria.moduleCompleted.moduleId ?? '') ?? `#${criteria.moduleCompleted.moduleId}`;
    return t('Complete the training module {{module}}', { module });
  }
  if (criteria.challengeCompleted) {
    const challenge = names.challenge?.(criteria.challengeCompleted.challengeId ?? '') ?? `#${criteria.challengeCompleted.challengeId}`;
    return t('Complete the challenge {{challenge}}', { challenge });
  }
  return '';
}
