import { useTranslation } from 'react-i18next';
import type { Principal } from '@/lib/api/schema';
import { TwoStepSetup } from './TwoStepSetup';
import { PublicPanel } from './PublicPanel';

// What a person whose role requires two-step sign-in sees until they have set it up: nothing of
// the portal, only the set-up (the server refuses everything else to their session).
export function TwoStepRequiredPage({
  principal,
  onDone,
  onSignOut,
}: {
  principal: Principal;
  onDone: () => void;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  return (
    <PublicPanel title={t('Set up two-step sign-in')} backLink={false}>
      <p>
        {t('Your role handles money and program settings, so your account needs a second step at sign-in: a code from an app on your phone. It takes a minute.')}
      </p>
      <TwoStepSetup account={principal.email ?? ''} needsPassword={false} onDone={onDone} doneLabel={t('Continue to the portal')} />
      <p className="public-page__back">
        <button type="button" className="button button--ghost button--inline" onClick={onSignOut}>
          {t('Sign out')}
        </button>
      </p>
    </PublicPanel>
  );
}
