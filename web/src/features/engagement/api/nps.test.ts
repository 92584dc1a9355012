import { describe, expect, it } from 'vitest';
import { npsGroupOf, percentOneDecimal, summarizeNps } from './nps';

describe('NPS summary', () => {
  it('groups scores: promoters 9–10, passives 7–8, detractors 0–6', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroupOf)).toEqual(['detractors', 'detractors', 'passives', 'passives', 'promoters', 'promoters']);
  });

  it('computes counts, shares and the NPS exactly', () => {
    const summary = summarizeNps({ group: 'all', responses: '71', promoters: '39', passives: '18', detractors: '14', nps: '' });
    expect(summary.responses).toBe('71');
    // 39/71 = 54.929…%, 18/71 = 25.352…%, 14/71 = 19.718…%; NPS (39 − 14)/71 = 35.211…
    expect(summary.shares).toEqual([
      { group: 'promoters', count: '39', share: '54.9' },
      { group: 'passives', count: '18', share: '25.4' },
      { group: 'detractors', count: '14', share: '19.7' },
    ]);
    expect(summary.nps).toBe('35.2');
  });

  it("prefers the server's NPS and handles negatives and no responses", () => {
    expect(summarizeNps({ group: 'x', responses: '3', promoters: '1', passives: '0', detractors: '2', nps: '-33.3' }).nps).toBe('-33.3');
    expect(summarizeNps({ group: 'x', responses: '3', promoters: '1', passives: '0', detractors: '2', nps: '' }).nps).toBe('-33.3');
    expect(summarizeNps({ group: 'x', responses: '0', promoters: '0', passives: '0', detractors: '0', nps: '' })).toEqual({
      responses: '0',
      nps: '',
      shares: [
        { group: 'promoters', count: '0', share: '0.0' },
        { group: 'passives', count: '0', share: '0.0' },
        { group: 'detractors', count: '0', share: '0.0' },
      ],
    });
  });

  it('rounds half away from zero', () => {
    expect(percentOneDecimal(1n, 16n)).toBe('6.3'); // 6.25
    expect(percentOneDecimal(-1n, 16n)).toBe('-6.3');
    expect(percentOneDecimal(-1n, 3000n)).toBe('0.0');
    expect(percentOneDecimal(-1n, 1n)).toBe('-100.0');
  });
});
