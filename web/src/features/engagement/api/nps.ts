import type { NpsResult } from '@/lib/api/schema';

export type NpsGroup = 'promoters' | 'passives' | 'detractors';

export interface NpsShare {
  group: NpsGroup;
  count: string;
  // Percent of the responses, one decimal ("54.9"); "0.0" without responses.
  share: string;
}

export interface NpsSummary {
  responses: string;
  // % promoters − % detractors, one decimal; "" without responses.
  nps: string;
  shares: NpsShare[];
}

// Scores 9–10 promote, 7–8 are passive, 0–6 detract.
export function npsGroupOf(score: number): NpsGroup {
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
}

// numerator × 100 / denominator to one decimal, half away from zero, exactly (BigInt).
export function percentOneDecimal(numerator: bigint, denominator: bigint): string {
  if (denominator === 0n) return '0.0';
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  // Tenths of a percent, rounded half up on the magnitude.
  const tenths = (n * 1000n * 2n + d) / (2n * d);
  const text = `${tenths / 10n}.${tenths % 10n}`;
  return negative && tenths !== 0n ? `-${text}` : text;
}

// The figures a survey result shows: counts and shares of each group, and the NPS (the
// server's, or computed the same way when it left it out).
export function summarizeNps(result: NpsResult | undefined): NpsSummary {
  const promoters = BigInt(result?.promoters || '0');
  const passives = BigInt(result?.passives || '0');
  const detractors = BigInt(result?.detractors || '0');
  const responses = promoters + passives + detractors;
  const share = (group: NpsGroup, count: bigint): NpsShare => ({ group, count: count.toString(), share: percentOneDecimal(count, responses) });
  return {
    responses: responses.toString(),
    nps: responses === 0n ? '' : result?.nps || percentOneDecimal(promoters - detractors, responses),
    shares: [share('promoters', promoters), share('passives', passives), share('detractors', detractors)],
  };
}
