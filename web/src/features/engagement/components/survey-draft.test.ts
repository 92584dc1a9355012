import { describe, expect, it } from 'vitest';
import type { Survey } from '@/lib/api/schema';
import { surveyDraftOf, surveyEditMask, surveyOfDraft, surveyOpened } from './survey-draft';

const stored: Survey = {
  id: '4',
  etag: '2',
  title: 'Q4 pulse',
  question: 'How likely are you to recommend us?',
  commentEnabled: true,
  audience: { partnerTypes: [], regions: ['EMEA-NL'], tiers: ['gold', 'silver'] },
  openTime: '2026-10-01T08:00:00Z',
  closeTime: '2026-10-15T08:00:00Z',
};

describe('surveyEditMask', () => {
  it('is empty for the form as prefilled', () => {
    expect(surveyEditMask(stored, surveyDraftOf(stored))).toEqual([]);
  });

  it('names each field changed', () => {
    const draft = surveyDraftOf(stored);
    expect(surveyEditMask(stored, { ...draft, title: 'Q4 partner pulse', commentEnabled: false })).toEqual(['title', 'comment_enabled']);
    expect(surveyEditMask(stored, { ...draft, question: ' How likely are you to recommend us? ' })).toEqual([]);
    expect(surveyEditMask(stored, { ...draft, question: 'Would you recommend us?' })).toEqual(['question']);
    expect(surveyEditMask(stored, { ...draft, audience: { ...draft.audience, tiers: 'gold' } })).toEqual(['audience']);
    expect(surveyEditMask(stored, { ...draft, close: '2026-10-31T12:00' })).toEqual(['close_time']);
    expect(surveyEditMask(stored, { ...draft, open: '2026-10-02T12:00' })).toEqual(['open_time']);
  });

  it('sends the form as the API takes it', () => {
    const survey = surveyOfDraft({ ...surveyDraftOf(stored), title: ' Pulse ', audience: { partnerTypes: [], regions: 'emea-nl', tiers: 'gold, silver' } });
    expect(survey).toMatchObject({ title: 'Pulse', audience: { partnerTypes: [], regions: ['EMEA-NL'], tiers: ['gold', 'silver'] } });
  });
});

describe('surveyOpened', () => {
  it('is true from the opening on', () => {
    expect(surveyOpened(stored, new Date('2026-10-01T07:59:59Z'))).toBe(false);
    expect(surveyOpened(stored, new Date('2026-10-01T08:00:00Z'))).toBe(true);
  });
});
