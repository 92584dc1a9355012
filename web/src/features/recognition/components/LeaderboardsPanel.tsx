import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type LeaderboardPeriod, type LeaderboardScope, type RecognitionMetric } from '@/lib/api/enums';
import { usePrograms } from '@/lib/api/programs';
import type { Program } from '@/lib/api/schema';
import { formatDate } from '@/lib/format';
import { useCreateLeaderboard, useLeaderboards } from '../api/setup';
import { METRIC_LABELS } from './criteria-draft';

export const LEADERBOARD_SCOPE_LABELS: Record<Known<LeaderboardScope>, string> = {
  LEADERBOARD_SCOPE_INDIVIDUAL: 'Individuals',
  LEADERBOARD_SCOPE_PARTNER: 'Partner organisations',
};

export const LEADERBOARD_PERIOD_LABELS: Record<Known<LeaderboardPeriod>, string> = {
  LEADERBOARD_PERIOD_WEEK: 'Week',
  LEADERBOARD_PERIOD_MONTH: 'Month',
  LEADERBOARD_PERIOD_QUARTER: 'Quarter',
  LEADERBOARD_PERIOD_YEAR: 'Year',
  LEADERBOARD_PERIOD_ALL_TIME: 'All time',
};

// The boards partners compete on, and a form for a new one (program admins). Leagues (region,
// partner type, tier) are filters partners pick when viewing a board, not part of the board.
export function LeaderboardsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const boards = useLeaderboards();
  const programs = usePrograms();
  const [creating, setCreating] = useState(false);
  const programName = (id: string) =>
    id === '0' || !id ? t('All programs') : (programs.data?.find((p) => p.id === id)?.name ?? t('Program {{id}}', { id }));
  return (
    <>
      {canEdit && !creating && (
        <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
          {t('New leaderboard')}
        </button>
      )}
      {creating && <LeaderboardForm programs={programs.data ?? []} onDone={() => setCreating(false)} />}
      <Card title={t('Leaderboards')} id="leaderboard-list">
        <p className="muted small">{t('Partners can narrow every board to a fair league: their region, partner type or tier.')}</p>
        <QueryView query={boards}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('No leaderboards yet.')}</Empty>
            ) : (
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('Name')}</th>
                    <th scope="col">{t('Program')}</th>
                    <th scope="col">{t('Ranks')}</th>
                    <th scope="col">{t('By')}</th>
                    <th scope="col">{t('Period')}</th>
                    <th scope="col">{t('Created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.id}>
                      <td data-label={t('Name')}>
                        <strong>{b.name}</strong>
                      </td>
                      <td data-label={t('Program')}>{programName(b.programId ?? '')}</td>
                      <td data-label={t('Ranks')}>{t(labelOf(LEADERBOARD_SCOPE_LABELS, b.scope) ?? 'Unknown')}</td>
                      <td data-label={t('By')}>
                        {t(labelOf(METRIC_LABELS, b.metric) ?? 'Unknown')}
                        {b.currencyCode && ` (${b.currencyCode})`}
                      </td>
                      <td data-label={t('Period')}>{t(labelOf(LEADERBOARD_PERIOD_LABELS, b.period) ?? 'Unknown')}</td>
                      <td data-label={t('Created')}>{formatDate(b.createTime)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Card>
    </>
  );
}

function LeaderboardForm({ programs, onDone }: { programs: Program[]; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateLeaderboard();
  const [name, setName] = useState('');
  const [programId, setProgramId] = useState('0');
  const [metric, setMetric] = useState<RecognitionMetric>('RECOGNITION_METRIC_POINTS');
  const [currencyCode, setCurrencyCode] = useState('EUR');
  const [scope, setScope] = useState<LeaderboardScope>('LEADERBOARD_SCOPE_INDIVIDUAL');
  const [period, setPeriod] = useState<LeaderboardPeriod>('LEADERBOARD_PERIOD_MONTH');
  const apiError = create.error instanceof ApiError ? create.error : null;
  const field = (name: string) => apiError?.fieldError(`leaderboard.${name}`);
  const shown = ['name', 'program_id', 'metric', 'currency_code', 'scope', 'period'].map((f) => `leaderboard.${f}`);
  const options = <K extends string>(labels: Record<K, string>) =>
    (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label: t(label) }));

  const chooseProgram = (id: string) => {
    setProgramId(id);
    const program = programs.find((p) => p.id === id);
    if (program) setCurrencyCode(program.currencyCode ?? '');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), programId, metric, currencyCode: metric === 'RECOGNITION_METRIC_SALES' ? currencyCode.trim().toUpperCase() : '', scope, period },
      {
        onSuccess: (board) => {
          toasts.show(t('Leaderboard {{name}} created', { name: board.name }), 'success');
          onDone();
        },
      },
    );
  };
  return (
    <Card title={t('New leaderboard')} id="new-leaderboard">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <InputField id="board-name" label={t('Name')} value={name} onValueChange={setName} maxLength={80} error={field('name')} />
          <SelectField
            id="board-program"
            label={t('Program')}
            value={programId}
            onValueChange={chooseProgram}
            options={[{ value: '0', label: t('All programs') }, ...programs.map((p) => ({ value: p.id ?? '', label: p.name ?? '' }))]}
            hint={t("Only this program's events count")}
            error={field('program_id')}
          />
          <SelectField id="board-scope" label={t('Ranks')} value={scope} onValueChange={(v) => setScope(v as LeaderboardScope)} options={options(LEADERBOARD_SCOPE_LABELS)} error={field('scope')} />
          <SelectField id="board-metric" label={t('By')} value={metric} onValueChange={(v) => setMetric(v as RecognitionMetric)} options={options(METRIC_LABELS)} error={field('metric')} />
          {metric === 'RECOGNITION_METRIC_SALES' && (
            <InputField id="board-currency" label={t('Currency')} value={currencyCode} onValueChange={setCurrencyCode} maxLength={3} error={field('currency_code')} />
          )}
          <SelectField id="board-period" label={t('Period')} value={period} onValueChange={(v) => setPeriod(v as LeaderboardPeriod)} options={options(LEADERBOARD_PERIOD_LABELS)} error={field('period')} />
        </div>
        <FormErrors error={create.error} shown={(f) => shown.includes(f)} />
        <FormActions pending={create.isPending} submitLabel={t('Create leaderboard')} pendingLabel={t('Creating…')} onCancel={onDone} />
      </form>
    </Card>
  );
}
