import { useTranslation } from 'react-i18next';

// Archiving what program admins define (badges, boards, training modules, challenges, surveys):
// the pill on an archived item, the button that archives or restores one, and the list's switch
// that shows archived items too. What archiving does is the server's (each RPC's comment).

export function ArchivedPill() {
  const { t } = useTranslation();
  return <span className="pill pill--warning">{t('Archived')}</span>;
}

interface ArchiveButtonProps {
  archived: boolean;
  // The item's name, for the button's accessible name ("Archive Top reps").
  name: string;
  pending?: boolean;
  onToggle: (archived: boolean) => void;
}

export function ArchiveButton({ archived, name, pending, onToggle }: ArchiveButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--ghost button--small"
      disabled={pending}
      onClick={() => onToggle(!archived)}
      aria-label={archived ? t('Restore {{name}}', { name }) : t('Archive {{name}}', { name })}
    >
      {archived ? t('Restore') : t('Archive')}
    </button>
  );
}

interface ShowArchivedProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function ShowArchived({ id, checked, onChange }: ShowArchivedProps) {
  const { t } = useTranslation();
  return (
    <label className="checkbox small" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {t('Show archived')}
    </label>
  );
}

// Why archiving or restoring failed (someone changed the item meanwhile, say), under the list.
export function ArchiveError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  );
}
