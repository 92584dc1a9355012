import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { setLanguage } from '@/lib/i18n';
import { isPartnerRole, usePrincipal } from '@/lib/principal';
import { useNotificationSettings, useUpdateNotificationSettings } from '../api/settings';
import type { SentUpdate } from '../preferences';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import '../notifications.css';

// The signed-in person's notification settings. A saved language becomes the portal's too.
export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const toasts = useToasts();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const [sent, setSent] = useState<SentUpdate | null>(null);
  // Bumped on each save: the form starts over from the settings as saved (and when the language
  // is saved from the top bar).
  const [version, setVersion] = useState(0);

  const save = (next: SentUpdate) => {
    setSent(next);
    update.mutate(next.request, {
      onSuccess: (saved) => {
        setVersion((v) => v + 1);
        if (next.paths.includes('language') && saved.language) setLanguage(saved.language);
        toasts.show(t('Your notification settings were saved.'), 'success');
      },
    });
  };

  return (
    <Page
      title={t('Notification settings')}
      subtitle={t('Choose how you hear of things: in the portal, by email at once, or in one email a day.')}
      actions={
        <Link className="button button--ghost" to="/notifications">
          {t('All notifications')}
        </Link>
      }
    >
      <QueryView query={settings}>
        {(s) => (
          <NotificationSettingsForm
            key={`${version}:${s.language}`}
            settings={s}
            defaultLabel={isPartnerRole(principal.role) ? t('Your organisation’s default') : t('The company default')}
            saving={update.isPending}
            error={update.error}
            sent={sent}
            onSave={save}
          />
        )}
      </QueryView>
    </Page>
  );
}
