import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import type { PartnerNotificationDefaults as Defaults } from '@/lib/api/schema';
import { usePartnerNotificationDefaults, useUpdatePartnerNotificationDefaults } from '../api/partner-defaults';
import { changedRows, placeViolations, rowsOf, toPreference, type Category, type PreferenceRow } from '../preferences';
import { PreferencesTable } from './PreferencesTable';
import '../notifications.css';

// A partner's notification defaults on the partner page: how its people hear of each category
// until they choose for themselves. Channel managers and program admins change them.
export function PartnerNotificationDefaults({ partnerId, canEdit }: { partnerId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const defaults = usePartnerNotificationDefaults(partnerId);
  // Bumped on each save: the form starts over from the defaults as saved.
  const [version, setVersion] = useState(0);
  return (
    <Card title={t('Notification defaults')} id="partner-notification-defaults">
      <p className="muted small">{t('How this partner’s people hear of things until they choose for themselves.')}</p>
      <QueryView query={defaults}>
        {(d) => <DefaultsForm key={version} partnerId={partnerId} defaults={d} canEdit={canEdit} onSaved={() => setVersion((v) => v + 1)} />}
      </QueryView>
    </Card>
  );
}

interface DefaultsFormProps {
  partnerId: string;
  defaults: Defaults;
  canEdit: boolean;
  onSaved: () => void;
}

function DefaultsForm({ partnerId, defaults, canEdit, onSaved }: DefaultsFormProps) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useUpdatePartnerNotificationDefaults(partnerId);
  const [initial] = useState(() => rowsOf(defaults.preferences));
  const [rows, setRows] = useState(initial);
  const [sent, setSent] = useState<Category[]>([]);
  const changed = changedRows(initial, rows);
  const placed = placeViolations(update.error, 'preferences', { preferences: sent });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (changed.length === 0 || update.isPending) return;
    setSent(changed.map((row) => row.category));
    update.mutate(changed.map(toPreference), {
      onSuccess: () => {
        toasts.show(t('The partner’s notification defaults were saved.'), 'success');
        onSaved();
      },
    });
  };

  const setRow = (row: PreferenceRow) => setRows((list) => list.map((r) => (r.category === row.category ? row : r)));
  return (
    <form onSubmit={onSubmit} noValidate>
      <PreferencesTable
        id="partner-defaults"
        caption={t('Notification defaults')}
        rows={rows}
        onChange={canEdit ? setRow : undefined}
        errorAt={placed.at}
        sourceHeading={t('Comes from')}
        source={(row) =>
          row.overridden ? <span className="pill pill--info">{t('Set for this partner')}</span> : <span className="muted small">{t('The company default')}</span>
        }
      />
      <FormErrors error={update.error} shown={placed.shown} />
      {canEdit && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={changed.length === 0 || update.isPending}>
            {update.isPending ? t('Saving…') : t('Save defaults')}
          </button>
        </div>
      )}
    </form>
  );
}
