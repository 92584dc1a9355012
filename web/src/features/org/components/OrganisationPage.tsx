import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { formatMoneyShort, formatPoints } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { PartnerUsers } from '@/features/partners/components/PartnerUsers';
import { useRecognitionSummary } from '@/features/recognition/api/recognition';
import { StatementsList } from '@/features/rewards/components/StatementsList';
import { useTierStatus } from '@/features/tiers/api/tiers';
import { useCertifications } from '@/features/training/api/training';

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

function OrgProgress() {
  const { t } = useTranslation();
  const tier = useTierStatus();
  const summary = useRecognitionSummary();
  const certifications = useCertifications();
  return (
    <div className="stat-row">
      <div className="stat">
        <span className="stat__label">{t('Partner tier')}</span>
        <span className="stat__value">{tier.data?.tier?.name ?? '…'}</span>
        <span className="muted small">{tier.data?.nextTier?.text ?? ''}</span>
      </div>
      <div className="stat">
        <span className="stat__label">{t('Trailing 12-month sales')}</span>
        <span className="stat__value">{tier.data ? formatMoneyShort(tier.data.trailingSales, tier.data.currencyCode || 'EUR') : '…'}</span>
      </div>
      <div className="stat">
        <span className="stat__label">{t('Organisation points')}</span>
        <span className="stat__value">{summary.data ? formatPoints(summary.data.partnerLifetimePoints) : '…'}</span>
        <span className="muted small">{summary.data?.partnerLevel?.level?.name}</span>
      </div>
      <div className="stat">
        <span className="stat__label">{t('Certified people')}</span>
        <span className="stat__value">{tier.data?.certifiedUsers ?? '…'}</span>
        <span className="muted small">{t('{{count}} certifications', { count: certifications.data?.length ?? 0 })}</span>
      </div>
    </div>
  );
}
