import { useTranslation } from 'react-i18next';
import { useRecognitionSummary } from '@/lib/api/recognition';
import { useTierStatus } from '@/lib/api/tiers';
import { useCertifications } from '@/lib/api/training';
import { formatMoneyShort, formatPoints } from '@/lib/format';

// The organisation's standing: tier, trailing sales, points and certified people.
export function OrgProgress() {
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
