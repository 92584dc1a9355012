import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { ErrorMessage } from '@/components/Status';
import { ApiError } from '@/lib/api-client';
import type { Program, SimulationResult } from '@/lib/api/schema';
import { compareDecimals, subtractDecimals } from '@/lib/decimal';
import { formatMoney, formatPoints, todayUtc } from '@/lib/format';
import { simulateProgram } from '../api/programs';
import type { ProgramErrors } from './program-draft';
import { simulatedRuleIds, summarizeSimulation } from './simulation-summary';

export interface SimulationOutcome {
  changed: SimulationResult;
  current?: SimulationResult;
}

// A year back from `end` ("YYYY-MM-DD"), the longest history the server replays.
export function yearBefore(end: string): string {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface SimulationPanelProps {
  // The saved program; none while creating (the server simulates saved programs only).
  programId?: string;
  currency: string;
  // The program as edited and the paths that differ from the saved one.
  changes: () => { program: Program; mask: string[] };
  ruleNames: Record<string, string>;
  ruleOrder: string[];
  errors: ProgramErrors;
  onError: (error: unknown) => void;
}

// What-if: replays approved claims of a past period through the edited rules and budget.
export function SimulationPanel({ programId, currency, changes, ruleNames, ruleOrder, errors, onError }: SimulationPanelProps) {
  const { t } = useTranslation();
  const [historyEnd, setHistoryEnd] = useState(() => todayUtc());
  const [historyStart, setHistoryStart] = useState(() => yearBefore(todayUtc()));
  const simulate = useMutation({
    mutationFn: async (): Promise<SimulationOutcome> => {
      const { program, mask } = changes();
      const base = { programId: programId!, historyStart, historyEnd };
      if (mask.length === 0) return { changed: await simulateProgram(base) };
      const [changed, current] = await Promise.all([
        simulateProgram({ ...base, program, updateMask: mask }),
        simulateProgram(base),
      ]);
      return { changed, current };
    },
    onMutate: () => onError(null),
    onError: (e) => onError(e),
  });

  if (!programId) {
    return (
      <section className="simulation" aria-labelledby="simulation-title" data-testid="simulation">
        <h3 id="simulation-title">{t('What-if simulation')}</h3>
        <p className="muted">{t('Save the draft first: the simulation replays past claims through a saved program and your changes to it.')}</p>
      </section>
    );
  }
  const outcome = simulate.data;
  const apiError = simulate.error instanceof ApiError ? simulate.error : null;
  return (
    <section className="simulation" aria-labelledby="simulation-title" data-testid="simulation">
      <h3 id="simulation-title">{t('What-if simulation')}</h3>
      <p className="muted small">
        {t('Replays the approved claims of a past period through the rules, budget and eligibility as edited here, before you save.')}
      </p>
      <div className="simulation__controls">
        <InputField
          id="history-start"
          label={t('History from')}
          type="date"
          value={historyStart}
          onValueChange={setHistoryStart}
          error={errors.at('history_start')}
        />
        <InputField
          id="history-end"
          label={t('History to')}
          type="date"
          value={historyEnd}
          onValueChange={setHistoryEnd}
          error={errors.at('history_end')}
          hint={t('At most 366 days, not in the future.')}
        />
        <button type="button" className="button button--ghost" onClick={() => simulate.mutate()} disabled={simulate.isPending}>
          {simulate.isPending ? t('Simulating…') : t('Simulate')}
        </button>
      </div>
      {simulate.isError && (!apiError || apiError.fieldViolations.length === 0) && <ErrorMessage error={simulate.error} />}
      {apiError && apiError.fieldViolations.length > 0 && (
        <p className="form-error" role="alert">
          {t('The simulation could not run: fix the fields marked above.')}
        </p>
      )}
      {outcome && !simulate.isPending && !simulate.isError && (
        <SimulationResultView outcome={outcome} currency={currency} ruleNames={ruleNames} ruleOrder={ruleOrder} />
      )}
    </section>
  );
}

export function SimulationResultView({
  outcome,
  currency,
  ruleNames,
  ruleOrder,
}: {
  outcome: SimulationOutcome;
  currency: string;
  ruleNames: Record<string, string>;
  ruleOrder: string[];
}) {
  const { t } = useTranslation();
  const { changed, current } = outcome;
  const summary = summarizeSimulation(changed, current, currency, t);
  const ids = simulatedRuleIds(ruleOrder, changed, current);
  const money = (v: string | undefined) => formatMoney(v || '0', currency);
  const hasPoints = ids.some((id) => changed.pointsByRule?.[id] || current?.pointsByRule?.[id]);
  return (
    <div className="simulation__result" data-testid="simulation-result" aria-live="polite">
      <p className={`simulation__headline ${summary.overBudget ? 'simulation__headline--over' : ''}`}>{summary.headline}</p>
      <p className="muted small">
        {summary.scope} {summary.points}
      </p>
      {ids.length > 0 && (
        <table className="table table--compact table--cards">
          <caption className="visually-hidden">{t('Cost per rule')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Rule')}</th>
              <th scope="col" className="num">
                {t('Cost')}
              </th>
              {current && (
                <th scope="col" className="num">
                  {t('Change')}
                </th>
              )}
              {hasPoints && (
                <th scope="col" className="num">
                  {t('Points')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const delta = current ? subtractDecimals(changed.moneyByRule?.[id] || '0', current.moneyByRule?.[id] || '0') : '0';
              const sign = compareDecimals(delta, '0');
              return (
                <tr key={id}>
                  <th scope="row" data-label={t('Rule')}>
                    {ruleNames[id] || id}
                  </th>
                  <td className="num" data-label={t('Cost')}>
                    {money(changed.moneyByRule?.[id])}
                  </td>
                  {current && (
                    <td className="num" data-label={t('Change')}>
                      {sign === 0 ? '—' : `${sign > 0 ? '+' : ''}${money(delta)}`}
                    </td>
                  )}
                  {hasPoints && (
                    <td className="num" data-label={t('Points')}>
                      {formatPoints(changed.pointsByRule?.[id] || '0')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {changed.byPartner && changed.byPartner.length > 0 && (
        <details className="simulation__partners">
          <summary>{t('By partner ({{n}})', { n: changed.byPartner.length })}</summary>
          <table className="table table--compact table--cards">
            <thead>
              <tr>
                <th scope="col">{t('Partner')}</th>
                <th scope="col" className="num">
                  {t('Sales')}
                </th>
                <th scope="col" className="num">
                  {t('Rewards')}
                </th>
                <th scope="col" className="num">
                  {t('Claims')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...changed.byPartner]
                .sort((a, b) => compareDecimals(b.money || '0', a.money || '0'))
                .map((p) => (
                  <tr key={p.partnerId}>
                    <th scope="row" data-label={t('Partner')}>
                      {p.partnerName || `#${p.partnerId}`}
                    </th>
                    <td className="num" data-label={t('Sales')}>
                      {money(p.sales)}
                    </td>
                    <td className="num" data-label={t('Rewards')}>
                      {money(p.money)}
                    </td>
                    <td className="num" data-label={t('Claims')}>
                      {p.claims}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
