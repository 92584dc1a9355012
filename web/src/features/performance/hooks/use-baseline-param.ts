import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Baseline } from '../api/performance';

// The baseline period chosen on a program's performance page, kept in the address
// (?baselineStart=…&baselineEnd=…) so it survives a reload and can be shared. Empty: the API's
// default baseline.
export function useBaselineParam(): [Baseline, (next: Baseline) => void] {
  const [params, setParams] = useSearchParams();
  const baseline: Baseline = useMemo(
    () => (params.get('baselineStart') ? { baselineStart: params.get('baselineStart') ?? '', baselineEnd: params.get('baselineEnd') ?? '' } : {}),
    [params],
  );
  const setBaseline = (next: Baseline) => setParams(next.baselineStart || next.baselineEnd ? { ...next } : {}, { replace: true });
  return [baseline, setBaseline];
}
