import type { TFunction } from 'i18next';
import { formatMoneyShort, formatPoints } from '@/lib/format';
import type { BadgeCriteria, RecognitionEventKind } from '@/features/recognition/api/types';

const kEventPhrases: Record<RecognitionEventKind, string> = {
  RECOGNITION_EVENT_KIND_CLAIM_APPROVED: 'approved claims',
  RECOGNITION_EVENT_KIND_POINTS_REVERSED: 'point reversals',
  RECOGNITION_EVENT_KIND_TRAINING_COMPLETED: 'training modules completed',
  RECOGNITION_EVENT_KIND_KUDOS_RECEIVED: 'kudos received',
  RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED: 'challenges completed',
  RECOGNITION_EVENT_KIND_TIER_CHANGED: 'tier changes',
};

// The same, counted ("3 approved claims"; plural forms in the en/nl tables).
const kEventCountPhrases: Record<RecognitionEventKind, string> = {
  RECOGNITION_EVENT_KIND_CLAIM_APPROVED: '{{count}} approved claims',
  RECOGNITION_EVENT_KIND_POINTS_REVERSED: '{{count}} point reversals',
  RECOGNITION_EVENT_KIND_TRAINING_COMPLETED: '{{count}} training modules completed',
  RECOGNITION_EVENT_KIND_KUDOS_RECEIVED: '{{count}} kudos received',
  RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED: '{{count}} challenges completed',
  RECOGNITION_EVENT_KIND_TIER_CHANGED: '{{count}} tier changes',
};

const kPeriodPhrases = {
  PROGRAM_PERIOD_MONTH: 'in one month',
  PROGRAM_PERIOD_QUARTER: 'in one quarter',
  PROGRAM_PERIOD_YEAR: 'in one year',
} as const;

interface Names {
  module?: (id: string) => string | undefined;
  challenge?: (id: string) => string | undefined;
  leaderboard?: (id: string) => string | undefined;
}

// What a badge asks for, in words ("3 approved claims", "€100,000 of sales in one quarter").
export function describeCriteria(criteria: BadgeCriteria, t: TFunction, names: Names = {}): string {
  if (criteria.eventCount) {
    return t(kEventCountPhrases[criteria.eventCount.event], { count: Number(criteria.eventCount.count) });
  }
  if (criteria.periodSum) {
    const { metric, currencyCode, period, threshold } = criteria.periodSum;
    const amount =
      metric === 'RECOGNITION_METRIC_SALES'
        ? t('{{amount}} of sales', { amount: formatMoneyShort(threshold, currencyCode) })
        : t('{{points}} points', { points: formatPoints(threshold) });
    return `${amount} ${t(kPeriodPhrases[period])}`;
  }
  if (criteria.certification) {
    return t('Hold the {{code}} certification', { code: criteria.certification.certificationCode });
  }
  if (criteria.placement) {
    const board = names.leaderboard?.(criteria.placement.leaderboardId) ?? `#${criteria.placement.leaderboardId}`;
    return t('Finish a period of {{board}} in the top {{top}}', { board, top: criteria.placement.top });
  }
  if (criteria.streak) {
    return t('{{what}} every month for {{months}} months in a row', {
      what: t(kEventPhrases[criteria.streak.event]),
      months: criteria.streak.months,
    });
  }
  if (criteria.moduleCompleted) {
    const module = names.module?.(criteria.moduleCompleted.moduleId) ?? `#${criteria.moduleCompleted.moduleId}`;
    return t('Complete the training module {{module}}', { module });
  }
  if (criteria.challengeCompleted) {
    const challenge = names.challenge?.(criteria.challengeCompleted.challengeId) ?? `#${criteria.challengeCompleted.challengeId}`;
    return t('Complete the challenge {{challenge}}', { challenge });
  }
  return '';
}
