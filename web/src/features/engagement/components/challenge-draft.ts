import type { ChallengeGoalKind } from '@/lib/api/enums';
import type { Challenge } from '@/lib/api/schema';
import { decimalInput } from '@/lib/decimal-input';
import type { NewChallenge } from '../api/engagement';
import { audienceDraftOf, audienceOf, isoToLocal, localToIso, sameAudience, type AudienceDraft } from './setup-fields';

// A challenge as its form holds it: texts as typed, times as datetime-local values.
export interface ChallengeDraft {
  title: string;
  description: string;
  start: string;
  end: string;
  programId: string;
  audience: AudienceDraft;
  kind: ChallengeGoalKind;
  target: string;
  currencyCode: string;
  sku: string;
  rewardPoints: string;
}

export function newChallengeDraft(now: Date): ChallengeDraft {
  return {
    title: '',
    description: '',
    start: isoToLocal(now),
    end: isoToLocal(new Date(now.getTime() + 30 * 86_400_000)),
    programId: '0',
    audience: { partnerTypes: [], regions: '', tiers: '' },
    kind: 'CHALLENGE_GOAL_KIND_APPROVED_CLAIMS',
    target: '',
    currencyCode: 'EUR',
    sku: '',
    rewardPoints: '',
  };
}

const localOf = (iso: string | undefined) => (iso ? isoToLocal(new Date(iso)) : '');

// The form prefilled with `c`.
export function challengeDraftOf(c: Challenge): ChallengeDraft {
  const goal = c.goal ?? {};
  return {
    title: c.title ?? '',
    description: c.description ?? '',
    start: localOf(c.startTime),
    end: localOf(c.endTime),
    programId: c.programId ?? '0',
    audience: audienceDraftOf(c.audience),
    kind: goal.kind ?? 'CHALLENGE_GOAL_KIND_APPROVED_CLAIMS',
    target: goal.target ?? '',
    currencyCode: goal.currencyCode || 'EUR',
    sku: goal.sku ?? '',
    rewardPoints: c.rewardPoints && c.rewardPoints !== '0' ? c.rewardPoints : '',
  };
}

// What the API is sent for `d`.
export function challengeOfDraft(d: ChallengeDraft): NewChallenge {
  return {
    title: d.title.trim(),
    description: d.description.trim(),
    startTime: localToIso(d.start) as string,
    endTime: localToIso(d.end) as string,
    programId: d.programId,
    audience: audienceOf(d.audience),
    goal: {
      kind: d.kind,
      target: decimalInput(d.target),
      currencyCode: d.kind === 'CHALLENGE_GOAL_KIND_SALES' ? d.currencyCode.trim().toUpperCase() : '',
      sku: d.kind === 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS' ? d.sku.trim() : '',
    },
    rewardPoints: d.rewardPoints.trim(),
  };
}

// Whether the challenge has started: then what it asks and who takes part (goal, audience,
// program, start) no longer change (the server refuses it).
export function challengeStarted(c: Pick<Challenge, 'startTime'>, now: Date): boolean {
  return new Date(c.startTime ?? '') <= now;
}

// The API paths of the fields the form changed (none: nothing to save). Times are compared as
// the form shows them (to the minute), so a time left alone is never sent.
export function challengeEditMask(original: Challenge, d: ChallengeDraft): string[] {
  const before = challengeDraftOf(original);
  const next = challengeOfDraft(d);
  const prev = challengeOfDraft(before);
  const mask: string[] = [];
  if (next.title !== (original.title ?? '')) mask.push('title');
  if (next.description !== (original.description ?? '')) mask.push('description');
  if (d.start !== before.start) mask.push('start_time');
  if (d.end !== before.end) mask.push('end_time');
  if (next.programId !== prev.programId) mask.push('program_id');
  if (!sameAudience(next.audience, original.audience)) mask.push('audience');
  const [g, h] = [next.goal ?? {}, prev.goal ?? {}];
  if (g.kind !== h.kind || g.target !== h.target || g.currencyCode !== h.currencyCode || g.sku !== h.sku) mask.push('goal');
  if ((next.rewardPoints || '0') !== (original.rewardPoints || '0')) mask.push('reward_points');
  return mask;
}
