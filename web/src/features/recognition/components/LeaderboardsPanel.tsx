import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveButton, ArchiveError, ArchivedPill, ShowArchived } from '@/components/Archiving';
import { InputField, SelectField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type LeaderboardPeriod, type LeaderboardScope, type RecognitionMetric } from '@/lib/api/enums';
import { ProgramPicker } from '@/components/ProgramPicker';
import { useProgram, useProgramsById } from '@/lib/api/programs';
import type { Leaderboard } from '@/lib/api/schema';
import { formatDate } from '@/lib/format';
import { useCreateLeaderboard, useLeaderboards, useUpdateLeaderboard } from '../api/setup';
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

// The boards partners compete on, and a form for a new one (program admins), renaming,
// archiving and restoring. Leagues (region, partner type, tier) are filters partners pick when
// viewing a board, not part of the board.
export function LeaderboardsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [showArchived, setShowArchived] = useState(false);
  const boards = useLeaderboards(showArchived);
  const programs = useProgramsById((boards.data ?? []).flatMap((b) => (b.programId && b.programId !== '0' ? [b.programId] : [])));
  const update = useUpdateLeaderboard();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Leaderboard | null>(null);
  const setArchived = (b: Leaderboard, archived: boolean) =>
    update.mutate(
      { board: { id: b.id, etag: b.etag, archived }, mask: ['archived'] },
      {
        onSuccess: () =>
          toasts.show(
            archived ? t('Leaderboard {{name}} archived', { name: b.name }) : t('Leaderboard {{name}} restored', { name: b.name }),
            'success',
          ),
      },
    );
  const programName = (id: string) =>
    id === '0' || !id ? t('All programs') : (programs.get(id)?.name ?? t('Program {{id}}', { id }));
  return (
    <>
      {canEdit && !creating && !renaming && (
        <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
          {t('New leaderboard')}
        </button>
      )}
      {creating && <LeaderboardForm onDone={() => setCreating(false)} />}
      {renaming && <RenameLeaderboardForm key={renaming.id} board={renaming} onDone={() => setRenaming(null)} />}
      <Card
        title={t('Leaderboards')}
        id="leaderboard-list"
        actions={<ShowArchived id="boards-show-archived" checked={showArchived} onChange={setShowArchived} />}
      >
        <p className="muted small">{t('Partners can narrow every board to a fair league: their region, partner type or tier.')}</p>
        <ArchiveError error={update.error} />
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
                    {canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">{t('Actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.id}>
                      <td data-label={t('Name')}>
                        <strong>{b.name}</strong> {b.archived && <ArchivedPill />}
                      </td>
                      <td data-label={t('Program')}>{programName(b.programId ?? '')}</td>
                      <td data-label={t('Ranks')}>{t(labelOf(LEADERBOARD_SCOPE_LABELS, b.scope) ?? 'Unknown')}</td>
                      <td data-label={t('By')}>
                        {t(labelOf(METRIC_LABELS, b.metric) ?? 'Unknown')}
                        {b.currencyCode && ` (${b.currencyCode})`}
                      </td>
                      <td data-label={t('Period')}>{t(labelOf(LEADERBOARD_PERIOD_LABELS, b.period) ?? 'Unknown')}</td>
                      <td data-label={t('Created')}>{formatDate(b.createTime)}</td>
                      {canEdit && (
                        <td>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            onClick={() => {
                              setCreating(false);
                              setRenaming(b);
                            }}
                            aria-label={t('Rename {{name}}', { name: b.name })}
                          >
                            {t('Rename')}
                          </button>
                          <ArchiveButton archived={!!b.archived} name={b.name ?? ''} pending={update.isPending} onToggle={(archived) => setArchived(b, archived)} />
                        </td>
                      )}
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

function LeaderboardForm({ onDone }: { onDone: () => void }) {
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

  // A program's board counts sales in the program's currency.
  const program = useProgram(programId !== '0' ? programId : undefined);
  const [currencyOf, setCurrencyOf] = useState('0');
  if (program.data && currencyOf !== programId) {
    setCurrencyOf(programId);
    setCurrencyCode(program.data.currencyCode ?? '');
  }
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
          <ProgramPicker
            id="board-program"
            label={t('Program')}
            value={programId === '0' ? '' : programId}
            onChange={(id) => setProgramId(id || '0')}
            emptyLabel={t('All programs')}
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

// A board's name is all that changes: what it counts stays, so its periods stay comparable.
function RenameLeaderboardForm({ board, onDone }: { board: Leaderboard; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useUpdateLeaderboard();
  const [name, setName] = useState(board.name ?? '');
  const apiError = update.error instanceof ApiError ? update.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === board.name) {
      onDone();
      return;
    }
    update.mutate(
      { board: { id: board.id, etag: board.etag, name: name.trim() }, mask: ['name'] },
      {
        onSuccess: (saved) => {
          toasts.show(t('Leaderboard {{name}} saved', { name: saved.name }), 'success');
          onDone();
        },
      },
    );
  };
  return (
    <Card title={t('Rename leaderboard {{name}}', { name: board.name })} id="rename-leaderboard">
      <form className="form" onSubmit={submit} noValidate>
        <InputField id="board-rename" label={t('Name')} value={name} onValueChange={setName} maxLength={80} error={apiError?.fieldError('leaderboard.name')} />
        <p className="muted small">{t('What a board counts and its period stay as they are, so its periods stay comparable. For another kind of board, add a new one.')}</p>
        <FormErrors error={update.error} shown={(f) => f === 'leaderboard.name'} />
        <FormActions pending={update.isPending} submitLabel={t('Save')} pendingLabel={t('Saving…')} onCancel={onDone} />
      </form>
    </Card>
  );
}
