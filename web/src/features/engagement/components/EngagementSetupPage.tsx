import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { Tabs } from '@/components/Tabs';
import { usePrincipal } from '@/lib/principal';
import { ChallengesPanel } from './ChallengesPanel';
import { KudosBudgetsPanel } from './KudosBudgetsPanel';
import { SurveysPanel } from './SurveysPanel';
import '../engagement.css';

type Tab = 'challenges' | 'surveys' | 'kudos';

// Challenges, NPS surveys and kudos budgets. Every vendor role reads them; program admins create
// challenges and set budgets; program admins and channel managers create surveys.
export default function EngagementSetupPage() {
  const { t } = useTranslation();
  const { role } = usePrincipal();
  const isAdmin = role === 'ROLE_PROGRAM_ADMIN';
  const [tab, setTab] = useState<Tab>('challenges');
  const tabs = [
    { id: 'challenges' as const, label: t('Challenges') },
    { id: 'surveys' as const, label: t('Surveys') },
    { id: 'kudos' as const, label: t('Kudos budgets') },
  ];
  return (
    <Page title={t('Challenges & surveys')} subtitle={t('Time-boxed goals, partner feedback and kudos.')}>
      <Tabs label={t('Engagement setup')} tabs={tabs} selected={tab} onSelect={setTab} />
      <div role="tabpanel" aria-labelledby={`tab-${tab}`} className="setup-panel">
        {tab === 'challenges' && <ChallengesPanel canEdit={isAdmin} />}
        {tab === 'surveys' && <SurveysPanel canCreate={isAdmin || role === 'ROLE_CHANNEL_MANAGER'} />}
        {tab === 'kudos' && <KudosBudgetsPanel canEdit={isAdmin} />}
      </div>
    </Page>
  );
}
