import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { ApiError } from '@/lib/api-client';
import type { ProgramPerformance } from '@/lib/api/schema';
import type { Baseline } from '../../api/performance';

interface BaselineFormProps {
  current?: ProgramPerformance;
  baseline: Baseline;
  error: unknown;
  onApply: (baseline: Baseline) => void;
}

// The baseline period to compare with: the API's default (as long as the measured period,
// right before it) or one the reader chooses.
export function BaselineForm({ current, baseline, error, onApply }: BaselineFormProps) {
  const { t } = useTranslation();
  const [start, setStart] = useState(baseline.baselineStart ?? '');
  const [end, setEnd] = useState(baseline.baselineEnd ?? '');
  const apiError = error instanceof ApiError ? error : null;
  const custom = Boolean(baseline.baselineStart);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ baselineStart: start, baselineEnd: end });
  };
  return (
    <details className="perf-baseline" open={custom || Boolean(apiError?.fieldViolations.length)}>
      <summary>{custom ? t('Custom baseline period') : t('Compare with another baseline period')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted small">
          {t('By default the baseline is as long as the measured period and ends the day before it starts. Sales in it are scaled to the length of the measured period.')}
        </p>
        <div className="form__grid">
          <InputField
            id="baseline-start"
            label={t('Baseline from')}
            type="date"
            value={start}
            onValueChange={setStart}
            placeholder={current?.baselineStart}
            error={apiError?.fieldError('baseline_start')}
          />
          <InputField
            id="baseline-end"
            label={t('Baseline to')}
            type="date"
            value={end}
            onValueChange={setEnd}
            placeholder={current?.baselineEnd}
            error={apiError?.fieldError('baseline_end')}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary button--inline button--small">
            {t('Compare')}
          </button>
          {custom && (
            <button type="button" className="button button--ghost button--small" onClick={() => onApply({})}>
              {t('Back to the default baseline')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
