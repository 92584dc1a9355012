import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import { ProgressBar } from '@/components/ProgressBar';
import { QueryView } from '@/components/Status';
import { useTierStatus } from '@/lib/api/tiers';
import { percentOf } from '@/lib/decimal';
import { formatDate, formatMoneyShort, formatPoints } from '@/lib/format';
import { EvaluatePanel } from './EvaluatePanel';

// A partner's standing on the ladder as vendor staff see it: its tier, progress to the next,
// any demotion warning, and (for roles that may) an evaluation of just this partner.
export function PartnerTierCard({ partnerId, canEvaluate }: { partnerId: string; canEvaluate: boolean }) {
  const { t } = useTranslation();
  const status = useTierStatus(partnerId);
  return (
    <Card title={t('Partner tier')} id="partner-tier">
      <QueryView query={status}>
        {(s) => {
          const next = s.nextTier;
          const criteria = next?.tier?.criteria;
          const currency = s.currencyCode || 'EUR';
          const qualifiesOther = s.qualifiedTier && s.qualifiedTier.code !== s.tier?.code;
          return (
            <>
              <p className="big-number" data-testid="partner-tier-name">
                {s.tier?.name || t('No tier')}
                {s.tier && (s.tier.rank ?? 0) === 0 && <span className="muted small"> {t('(set by hand, not on the ladder)')}</span>}
              </p>
              {s.demotionWarning && (
                <div className="warning" role="alert">
                  <p>{s.demotionWarning.text}</p>
                  {(s.demotionWarning.expiring ?? []).length > 0 && (
                    <ul className="small">
                      {(s.demotionWarning.expiring ?? []).map((c) => (
                        <li key={`${c.userId}-${c.certificationCode}`}>
                          {t('{{name}}: {{code}} expires {{date}}', { name: c.userDisplayName, code: c.certificationCode, date: formatDate(c.expireTime) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
              {qualifiesOther && (
                <p data-testid="partner-tier-qualified">
                  {t('Qualifies for {{tier}}: it applies at the next evaluation.', { tier: s.qualifiedTier!.name })}
                </p>
              )}
              {next ? (
                <>
                  <p data-testid="partner-tier-gap">{next.text}</p>
                  {criteria?.minTrailingSales && criteria.minTrailingSales !== '0' && (
                    <ProgressBar
                      percent={percentOf(s.trailingSales, criteria.minTrailingSales)}
                      label={t('Sales toward {{tier}}', { tier: next.tier?.name })}
                      valueText={`${formatMoneyShort(s.trailingSales, currency)} / ${formatMoneyShort(criteria.minTrailingSales, currency)}`}
                    />
                  )}
                </>
              ) : (
                !qualifiesOther && s.tier && (s.tier.rank ?? 0) > 0 && <p>{t('Holds the top tier.')}</p>
              )}
              <dl className="facts facts--compact">
                <div>
                  <dt>{t('Trailing 12-month sales')}</dt>
                  <dd>{formatMoneyShort(s.trailingSales || '0', currency)}</dd>
                </div>
                <div>
                  <dt>{t('Certified people')}</dt>
                  <dd>{s.certifiedUsers ?? 0}</dd>
                </div>
                <div>
                  <dt>{t('Trailing 12-month points')}</dt>
                  <dd>{formatPoints(s.trailingPoints || '0')}</dd>
                </div>
              </dl>
              {canEvaluate && <EvaluatePanel partnerId={partnerId} />}
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}
