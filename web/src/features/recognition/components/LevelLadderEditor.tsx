import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Level } from '@/lib/api/schema';
import { formatPoints } from '@/lib/format';
import { useLevels, useSetLevels } from '../api/setup';
import { kMaxLevels, ladderRequest, validateLadder, type LadderRow } from './ladder';

let nextKey = 0;
const rowOf = (l: Pick<Level, 'name' | 'minPoints'>): LadderRow => ({ key: `level-${nextKey++}`, name: l.name ?? '', minPoints: l.minPoints ?? '' });

// The level ladder: read-only for most roles, an editor for program admins.
export function LevelsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const levels = useLevels();
  return (
    <Card title={t('Level ladder')} id="level-ladder">
      <p className="muted small">{t('Partners and their users reach a level by their lifetime points. The first level starts at 0.')}</p>
      <QueryView query={levels}>
        {(list) =>
          canEdit ? (
            <LevelLadderEditor levels={list} />
          ) : list.length === 0 ? (
            <Empty>{t('No levels yet.')}</Empty>
          ) : (
            <table className="table table--compact table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('Rank')}</th>
                  <th scope="col">{t('Level')}</th>
                  <th scope="col" className="num">
                    {t('From lifetime points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((l) => (
                  <tr key={l.rank}>
                    <td data-label={t('Rank')}>{l.rank}</td>
                    <td data-label={t('Level')}>
                      <strong>{l.name}</strong>
                    </td>
                    <td className="num" data-label={t('From lifetime points')}>
                      {formatPoints(l.minPoints)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Card>
  );
}

export function LevelLadderEditor({ levels }: { levels: Level[] }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const save = useSetLevels();
  const [rows, setRows] = useState<LadderRow[]>(() => (levels.length ? levels.map(rowOf) : [rowOf({ name: '', minPoints: '0' })]));
  const [checked, setChecked] = useState(false);
  const local = checked ? validateLadder(rows) : {};
  const apiError = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => {
    const own = local[field];
    return own ? t(own) : apiError?.fieldError(field);
  };
  const ladderError = fieldError('levels');
  const update = (key: string, change: Partial<LadderRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(validateLadder(rows)).length > 0) return;
    save.mutate(ladderRequest(rows), {
      onSuccess: (saved) => {
        setRows(saved.map(rowOf));
        setChecked(false);
        toasts.show(t('Level ladder saved'), 'success');
      },
    });
  };
  const leftOver = apiError?.fieldViolations.filter((v) => v.field !== 'levels' && !/^levels\[\d+\]\.(name|min_points)$/.test(v.field)) ?? [];

  return (
    <form className="form ladder" onSubmit={submit} noValidate aria-label={t('Level ladder')}>
      <ol className="ladder__rows">
        {rows.map((row, i) => {
          const nameError = fieldError(`levels[${i}].name`);
          const pointsError = fieldError(`levels[${i}].min_points`);
          return (
            <li key={row.key} className="ladder__row" aria-label={t('Level {{rank}}', { rank: i + 1 })}>
              <span className="ladder__rank" aria-hidden="true">
                {i + 1}
              </span>
              <div className={`field ${nameError ? 'field--invalid' : ''}`}>
                <label htmlFor={`${row.key}-name`}>{t('Level name')}</label>
                <input
                  id={`${row.key}-name`}
                  value={row.name}
                  maxLength={60}
                  onChange={(e) => update(row.key, { name: e.target.value })}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `${row.key}-name-error` : undefined}
                />
                {nameError && (
                  <p id={`${row.key}-name-error`} className="field-error">
                    {nameError}
                  </p>
                )}
              </div>
              <div className={`field ${pointsError ? 'field--invalid' : ''}`}>
                <label htmlFor={`${row.key}-points`}>{t('From lifetime points')}</label>
                <input
                  id={`${row.key}-points`}
                  inputMode="numeric"
                  value={row.minPoints}
                  onChange={(e) => update(row.key, { minPoints: e.target.value })}
                  aria-invalid={pointsError ? true : undefined}
                  aria-describedby={pointsError ? `${row.key}-points-error` : undefined}
                />
                {pointsError && (
                  <p id={`${row.key}-points-error`} className="field-error">
                    {pointsError}
                  </p>
                )}
              </div>
              <div className="ladder__tools">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('Move {{name}} up', { name: row.name || t('Level {{rank}}', { rank: i + 1 }) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('Move {{name}} down', { name: row.name || t('Level {{rank}}', { rank: i + 1 }) })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={rows.length === 1}
                  onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                  aria-label={t('Remove {{name}}', { name: row.name || t('Level {{rank}}', { rank: i + 1 }) })}
                >
                  {t('Remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {ladderError && (
        <p className="form-error" role="alert">
          {ladderError}
        </p>
      )}
      {leftOver.length > 0 && (
        <ul className="form-error" role="alert">
          {leftOver.map((v, i) => (
            <li key={`${v.field}:${i}`}>
              {v.field}: {v.description}
            </li>
          ))}
        </ul>
      )}
      {apiError && apiError.fieldViolations.length === 0 && (
        <p className="form-error" role="alert">
          {apiError.message}
        </p>
      )}
      {save.error && !apiError && (
        <p className="form-error" role="alert">
          {t('Something went wrong. Please try again.')}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--ghost"
          disabled={rows.length >= kMaxLevels}
          onClick={() => {
            const last = rows[rows.length - 1];
            setRows((rs) => [...rs, rowOf({ name: '', minPoints: last ? '' : '0' })]);
          }}
        >
          {t('Add a level')}
        </button>
        <button type="submit" className="button button--primary button--inline" disabled={save.isPending}>
          {save.isPending ? t('Saving…') : t('Save ladder')}
        </button>
      </div>
    </form>
  );
}
