import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/Fields';
import { FormErrors } from '@/components/FormErrors';
import type { NotificationSettings } from '@/lib/api/schema';
import { kLanguages } from '@/lib/i18n';
import { categoryName } from '../labels';
import { draftOf, placeViolations, settingsUpdate, type Category, type PreferenceRow, type SentUpdate } from '../preferences';
import { PreferencesTable } from './PreferencesTable';

interface NotificationSettingsFormProps {
  settings: NotificationSettings;
  // What a row that follows the default follows ("Your organisation's default").
  defaultLabel: string;
  saving: boolean;
  error: unknown;
  // The update last sent, to place its field violations.
  sent: SentUpdate | null;
  onSave: (update: SentUpdate) => void;
}

// The language name in its own language ("Nederlands"), else the code.
function languageName(code: string): string {
  return kLanguages.find((l) => l.code === code)?.label ?? code;
}

// The person's language and, per category, how they hear of it. Edits start from the settings
// as read when the form opened; saving sends only what changed.
export function NotificationSettingsForm({ settings, defaultLabel, saving, error, sent, onSave }: NotificationSettingsFormProps) {
  const { t } = useTranslation();
  const [initial] = useState(() => draftOf(settings));
  const [draft, setDraft] = useState(initial);
  const update = settingsUpdate(initial, draft);
  const placed = placeViolations(error, 'settings.preferences', sent ?? { preferences: [] });
  const languages = [...(settings.availableLanguages ?? [])];
  if (initial.language && !languages.includes(initial.language)) languages.push(initial.language);

  const setRow = (row: PreferenceRow) => setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.category === row.category ? row : r)) }));
  const setReset = (category: Category, reset: boolean) =>
    setDraft((d) => ({
      ...d,
      // Going back to the default drops any edit of the row.
      rows: reset ? d.rows.map((r) => (r.category === category ? initial.rows.find((i) => i.category === category)! : r)) : d.rows,
      reset: reset ? [...d.reset, category] : d.reset.filter((c) => c !== category),
    }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (update && !saving) onSave(update);
  };

  return (
    <form className="form notification-settings" onSubmit={onSubmit} noValidate>
      <SelectField
        id="notification-language"
        label={t('Language')}
        value={draft.language}
        onValueChange={(language) => setDraft((d) => ({ ...d, language }))}
        options={[{ value: '', label: t('Browser default') }, ...languages.map((code) => ({ value: code, label: languageName(code) }))]}
        hint={t('The portal, your notifications and your emails use this language.')}
        error={placed.language}
      />
      <h2 className="preferences__heading">{t('How you hear of things')}</h2>
      <PreferencesTable
        id="preferences"
        caption={t('How you hear of things')}
        rows={draft.rows}
        onChange={setRow}
        locked={(category) => draft.reset.includes(category)}
        errorAt={placed.at}
        sourceHeading={t('Comes from')}
        source={(row) => {
          const name = categoryName(t, row.category);
          if (draft.reset.includes(row.category)) {
            return (
              <span className="preferences__source">
                <span className="pill pill--warning">{t('Back to the default when you save')}</span>
                <button type="button" className="link-button" aria-label={t('Undo: {{category}}', { category: name })} onClick={() => setReset(row.category, false)}>
                  {t('Undo')}
                </button>
              </span>
            );
          }
          if (!row.overridden) return <span className="muted small">{defaultLabel}</span>;
          return (
            <span className="preferences__source">
              <span className="pill pill--info">{t('Your choice')}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('Back to default: {{category}}', { category: name })}
                onClick={() => setReset(row.category, true)}
              >
                {t('Back to default')}
              </button>
            </span>
          );
        }}
      />
      <FormErrors error={error} shown={placed.shown} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!update || saving}>
          {saving ? t('Saving…') : t('Save changes')}
        </button>
      </div>
    </form>
  );
}
