import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { Tabs } from '@/components/Tabs';
import { usePrincipal } from '@/lib/principal';
import { BadgesPanel } from './BadgesPanel';
import { LeaderboardsPanel } from './LeaderboardsPanel';
import { LevelsPanel } from './LevelLadderEditor';
import '../recognition.css';

type Tab = 'badges' | 'levels' | 'leaderboards';

// Badges, the level ladder and leaderboards: every vendor role reads them, program admins
// define them.
export default function RecognitionSetupPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canEdit = principal.role === 'ROLE_PROGRAM_ADMIN';
  const [tab, setTab] = useState<Tab>('badges');
  const tabs = [
    { id: 'badges' as const, label: t('Badges') },
    { id: 'levels' as const, label: t('Levels') },
    { id: 'leaderboards' as const, label: t('Leaderboards') },
  ];
  return (
    <Page
      title={t('Badges & levels')}
      subtitle={canEdit ? t('Define what partners are recognised for.') : t('What partners are recognised for. Program admins change it.')}
    >
      <Tabs label={t('Recognition setup')} tabs={tabs} selected={tab} onSelect={setTab} />
      <div role="tabpanel" aria-labelledby={`tab-${tab}`} className="setup-panel">
        {tab === 'badges' && <BadgesPanel canEdit={canEdit} />}
        {tab === 'levels' && <LevelsPanel canEdit={canEdit} />}
        {tab === 'leaderboards' && <LeaderboardsPanel canEdit={canEdit} />}
      </div>
    </Page>
  );
}
