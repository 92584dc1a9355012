import { describe, expect, it } from 'vitest';
import type { Challenge } from '@/lib/api/schema';
import { challengeDraftOf, challengeEditMask, challengeOfDraft, challengeStarted } from './challenge-draft';

// As the server returns it: whole seconds, which the form shows to the minute.
const stored: Challenge = {
  id: '7',
  etag: '3',
  title: 'Sell 20 servers',
  description: 'In November',
  startTime: '2026-11-02T09:00:30Z',
  endTime: '2026-11-30T18:00:00Z',
  programId: '2',
  audience: { partnerTypes: ['PARTNER_TYPE_RESELLER'], regions: ['EMEA-NL', 'EMEA-DE'], tiers: [] },
  goal: { kind: 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS', target: '20', currencyCode: '', sku: 'SRV-100' },
  rewardPoints: '500',
};

describe('challengeEditMask', () => {
  it('is empty for the form as prefilled: times shown to the minute are no change', () => {
    const draft = challengeDraftOf(stored);
    expect(draft.audience).toEqual({ partnerTypes: ['PARTNER_TYPE_RESELLER'], regions: 'EMEA-NL, EMEA-DE', tiers: '' });
    expect(challengeEditMask(stored, draft)).toEqual([]);
  });

  it('names each field changed, once', () => {
    const draft = challengeDraftOf(stored);
    expect(challengeEditMask(stored, { ...draft, title: ' Sell 25 servers ' })).toEqual(['title']);
    expect(challengeEditMask(stored, { ...draft, title: ' Sell 20 servers ' })).toEqual([]);
    expect(challengeEditMask(stored, { ...draft, target: '25', rewardPoints: '600' })).toEqual(['goal', 'reward_points']);
    expect(challengeEditMask(stored, { ...draft, audience: { ...draft.audience, regions: 'emea-nl,EMEA-DE' } })).toEqual([]);
    expect(challengeEditMask(stored, { ...draft, audience: { ...draft.audience, tiers: 'gold' } })).toEqual(['audience']);
    expect(challengeEditMask(stored, { ...draft, start: '2026-11-03T10:00', end: '2026-12-01T10:00', programId: '0' })).toEqual([
      'start_time',
      'end_time',
      'program_id',
    ]);
  });

  it('treats no reward and a reward of 0 alike', () => {
    const none = { ...stored, rewardPoints: '0' };
    const draft = challengeDraftOf(none);
    expect(draft.rewardPoints).toBe('');
    expect(challengeEditMask(none, draft)).toEqual([]);
    expect(challengeEditMask(none, { ...draft, rewardPoints: '0' })).toEqual([]);
    expect(challengeEditMask(none, { ...draft, rewardPoints: '10' })).toEqual(['reward_points']);
  });

  it('sends only the goal fields of its kind', () => {
    const draft = { ...challengeDraftOf(stored), kind: 'CHALLENGE_GOAL_KIND_SALES' as const, target: '1000.50', currencyCode: 'eur' };
    expect(challengeOfDraft(draft).goal).toEqual({ kind: 'CHALLENGE_GOAL_KIND_SALES', target: '1000.50', currencyCode: 'EUR', sku: '' });
    expect(challengeEditMask(stored, draft)).toEqual(['goal']);
  });
});

describe('challengeStarted', () => {
  it('is true from the start on', () => {
    expect(challengeStarted(stored, new Date('2026-11-02T09:00:29Z'))).toBe(false);
    expect(challengeStarted(stored, new Date('2026-11-02T09:00:30Z'))).toBe(true);
  });
});
