import { describe, expect, it } from 'vitest';
import { ageParts, subjectFromSearch } from './labels';

describe('ageParts', () => {
  it('splits seconds into days, hours and minutes', () => {
    expect(ageParts('90061')).toEqual({ days: 1, hours: 1, minutes: 1 });
    expect(ageParts(3599)).toEqual({ days: 0, hours: 0, minutes: 59 });
  });
  it('treats absent or bad values as zero', () => {
    expect(ageParts(undefined)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(ageParts('-5')).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(ageParts('x')).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe('subjectFromSearch', () => {
  const subject = (query: string) => subjectFromSearch(new URLSearchParams(query));
  it('reads each kind of subject from the link', () => {
    expect(subject('claim=12')).toEqual({ kind: 'DISPUTE_SUBJECT_KIND_CLAIM', claimId: '12' });
    expect(subject('entry=34')).toEqual({ kind: 'DISPUTE_SUBJECT_KIND_REWARD', entryId: '34' });
    expect(subject('statement=5&entry=34')).toEqual({
      kind: 'DISPUTE_SUBJECT_KIND_STATEMENT_LINE',
      statementId: '5',
      entryId: '34',
    });
    expect(subject('program=3')).toEqual({ kind: 'DISPUTE_SUBJECT_KIND_MISSING_REWARD', programId: '3' });
  });
  it('ignores ids that are not positive integers', () => {
    expect(subject('claim=abc')).toBeNull();
    expect(subject('entry=0')).toBeNull();
    expect(subject('')).toBeNull();
  });
});
