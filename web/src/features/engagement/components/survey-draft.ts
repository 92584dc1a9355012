import type { Survey } from '@/lib/api/schema';
import type { NewSurvey } from '../api/engagement';
import { audienceDraftOf, audienceOf, isoToLocal, localToIso, sameAudience, type AudienceDraft } from './setup-fields';

// A survey as its form holds it: texts as typed, times as datetime-local values.
export interface SurveyDraft {
  title: string;
  question: string;
  commentEnabled: boolean;
  open: string;
  close: string;
  audience: AudienceDraft;
}

export function newSurveyDraft(now: Date, question: string): SurveyDraft {
  return {
    title: '',
    question,
    commentEnabled: true,
    open: isoToLocal(now),
    close: isoToLocal(new Date(now.getTime() + 14 * 86_400_000)),
    audience: { partnerTypes: [], regions: '', tiers: '' },
  };
}

const localOf = (iso: string | undefined) => (iso ? isoToLocal(new Date(iso)) : '');

// The form prefilled with `s`.
export function surveyDraftOf(s: Survey): SurveyDraft {
  return {
    title: s.title ?? '',
    question: s.question ?? '',
    commentEnabled: !!s.commentEnabled,
    open: localOf(s.openTime),
    close: localOf(s.closeTime),
    audience: audienceDraftOf(s.audience),
  };
}

// What the API is sent for `d`.
export function surveyOfDraft(d: SurveyDraft): NewSurvey {
  return {
    title: d.title.trim(),
    question: d.question.trim(),
    commentEnabled: d.commentEnabled,
    audience: audienceOf(d.audience),
    openTime: localToIso(d.open) as string,
    closeTime: localToIso(d.close) as string,
  };
}

// Whether the survey has opened: then its opening no longer moves (the server refuses it).
export function surveyOpened(s: Pick<Survey, 'openTime'>, now: Date): boolean {
  return new Date(s.openTime ?? '') <= now;
}

// The API paths of the fields the form changed (none: nothing to save). Times are compared as
// the form shows them (to the minute), so a time left alone is never sent.
export function surveyEditMask(original: Survey, d: SurveyDraft): string[] {
  const before = surveyDraftOf(original);
  const next = surveyOfDraft(d);
  const mask: string[] = [];
  if (next.title !== (original.title ?? '')) mask.push('title');
  if (next.question !== (original.question ?? '')) mask.push('question');
  if (next.commentEnabled !== !!original.commentEnabled) mask.push('comment_enabled');
  if (!sameAudience(next.audience, original.audience)) mask.push('audience');
  if (d.open !== before.open) mask.push('open_time');
  if (d.close !== before.close) mask.push('close_time');
  return mask;
}
