import { useTranslation } from 'react-i18next';
import { diffSnapshots, prettyJson, showValue, type FieldChange } from '../api/diff';

const CHANGE_LABELS: Record<FieldChange['kind'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
};

// What an audited change did to the row: the changed fields with old → new, how many stayed
// the same, and the raw JSON snapshots on demand.
export function AuditDiff({ beforeJson, afterJson, id }: { beforeJson: string; afterJson: string; id: string }) {
  const { t } = useTranslation();
  const diff = diffSnapshots(beforeJson, afterJson);
  return (
    <div className="audit-diff" data-testid={`audit-diff-${id}`}>
      {diff.unreadable ? (
        <p className="warning">{t('The snapshots are not JSON objects; see the raw text below.')}</p>
      ) : diff.changes.length === 0 ? (
        <p className="muted">{beforeJson || afterJson ? t('No field changed.') : t('No snapshot was recorded.')}</p>
      ) : (
        <>
          <p className="muted small">
            {diff.created
              ? t('Created with these fields.')
              : diff.deleted
                ? t('Deleted; it had these fields.')
                : t('{{count}} fields changed, {{same}} unchanged.', { count: diff.changes.length, same: diff.unchanged.length })}
          </p>
          <table className="table table--compact audit-diff__table">
            <caption className="visually-hidden">{t('Changed fields')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Field')}</th>
                {!diff.created && <th scope="col">{t('Before')}</th>}
                {!diff.deleted && <th scope="col">{t('After')}</th>}
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={c.key} className={`audit-diff__row audit-diff__row--${c.kind}`}>
                  <th scope="row">
                    <code>{c.key}</code>
                    {!diff.created && !diff.deleted && c.kind !== 'changed' && <span className="muted small"> ({t(CHANGE_LABELS[c.kind])})</span>}
                  </th>
                  {!diff.created && (
                    <td className="audit-diff__before">
                      {c.kind === 'added' ? <span className="muted">—</span> : <Value value={c.before} />}
                    </td>
                  )}
                  {!diff.deleted && (
                    <td className="audit-diff__after">
                      {c.kind !== 'removed' && !diff.created && <span aria-hidden="true">→ </span>}
                      {c.kind === 'removed' ? <span className="muted">—</span> : <Value value={c.after} />}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <details className="audit-diff__raw">
        <summary>{t('Raw JSON')}</summary>
        <div className="audit-diff__raw-grid">
          <div>
            <h4>{t('Before')}</h4>
            <pre>{beforeJson ? prettyJson(beforeJson) : t('(did not exist)')}</pre>
          </div>
          <div>
            <h4>{t('After')}</h4>
            <pre>{afterJson ? prettyJson(afterJson) : t('(did not exist)')}</pre>
          </div>
        </div>
      </details>
    </div>
  );
}

function Value({ value }: { value: unknown }) {
  if (value === null) return <code className="muted">null</code>;
  if (value === '') return <code className="muted">""</code>;
  return <code>{showValue(value)}</code>;
}
