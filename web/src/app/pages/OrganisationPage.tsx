import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { usePrincipal } from '@/lib/principal';
import { OrgProgress } from '@/features/org/components/OrgProgress';
import { PartnerUsers } from '@/features/partners/components/PartnerUsers';
import { StatementsList } from '@/features/rewards/components/StatementsList';

// A partner admin's organisation: its standing, its people (add, disable, make admin) and its statements.
export default function OrganisationPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  return (
    <Page title={principal.partnerName ?? ''} subtitle={t('Your organisation: people, progress and statements.')}>
      <OrgProgress />
      <PartnerUsers partnerId={principal.partnerId ?? ''} canManage selfId={principal.userId} />
      <StatementsList />
    </Page>
  );
}
