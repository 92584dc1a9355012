import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { PartnerPicker } from '@/components/PartnerPicker';
import { Empty, ErrorMessage, Loading, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { TierChange, TierLadder } from '@/lib/api/schema';
import { useTierLadder } from '@/lib/api/tiers';
import { useTrainingModules } from '@/lib/api/training';
import { formatDateTime, formatMoneyShort, formatPoints } from '@/lib/format';
import { managesPartners, usePrincipal } from '@/lib/principal';
import { useSetTierLadder, useTierChangePages } from '../api/tiers';
import { EvaluatePanel } from './EvaluatePanel';
import { LadderEditor } from './LadderEditor';
import { TierChangeTable } from './TierChangeTable';
import '../tiers.css';

// The partner tier ladder (program admins edit it; channel managers read it), evaluations on
// demand (both) and the recorded promotions and demotions.
export default function TiersSetupPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const ladder = useTierLadder();
  const canEdit = principal.role === 'ROLE_PROGRAM_ADMIN';
  const canEvaluate = managesPartners(principal.role);
  return (
    <Page title={t('Partner tiers')} subtitle={t('The tier ladder, its criteria, and who moved up or down.')}>
      <Card
        title={t('Tier ladder')}
        id="tier-ladder"
        actions={ladder.data?.updateTime && <span className="muted small">{t('Last changed {{time}}', { time: formatDateTime(ladder.data.updateTime) })}</span>}
      >
        <QueryView query={ladder}>{(l) => (canEdit ? <LadderForm ladder={l} /> : <LadderView ladder={l} />)}</QueryView>
      </Card>
      {canEvaluate && (
        <Card title={t('Evaluate tiers')} id="tier-evaluate">
          <p className="muted small">
            {t('Every active partner is evaluated once a day. Evaluate now to apply a changed ladder or new figures straight away; preview first to see who would move.')}
          </p>
          <EvaluatePanel />
        </Card>
      )}
      <TierChanges ladder={ladder.data} />
    </Page>
  );
}

function LadderForm({ ladder }: { ladder: TierLadder }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const save = useSetTierLadder();
  const modules = useTrainingModules();
  const codes = useMemo(
    () => [...new Set((modules.data ?? []).flatMap((m) => (m.certificationCode ? [m.certificationCode] : [])))].sort(),
    [modules.data],
  );
  return (
    <LadderEditor
      // A saved ladder starts a fresh draft.
      key={ladder.updateTime ?? 'none'}
      ladder={ladder}
      certificationCodes={codes}
      saving={save.isPending}
      error={save.error instanceof ApiError ? save.error : save.error ? new ApiError(0, 2, t('Something went wrong. Please try again.'), []) : null}
      onSave={(l) =>
        save.mutate(l, {
          onSuccess: () => toasts.show(t('Tier ladder saved. Partners move to their new tiers at the next evaluation.'), 'success'),
        })
      }
    />
  );
}

// The ladder for those who may read but not change it.
function LadderView({ ladder }: { ladder: TierLadder }) {
  const { t } = useTranslation();
  const tiers = ladder.tiers ?? [];
  if (tiers.length === 0) return <Empty>{t('No tiers: partner tiers are set by hand only.')}</Empty>;
  const currency = ladder.currencyCode || 'EUR';
  return (
    <>
      <table className="table table--cards">
        <caption className="visually-hidden">{t('Tiers, lowest first')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Tier')}</th>
            <th scope="col">{t('Criteria')}</th>
            <th scope="col">{t('Benefits')}</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => {
            const c = tier.criteria;
            const parts: string[] = [];
            if (c?.minTrailingSales && c.minTrailingSales !== '0') parts.push(t('{{amount}} sales in 12 months', { amount: formatMoneyShort(c.minTrailingSales, currency) }));
            if (c?.minCertifiedUsers)
              parts.push(
                c.certificationCode
                  ? t('{{count}} users certified in {{code}}', { count: c.minCertifiedUsers, code: c.certificationCode })
                  : t('{{count}} certified users', { count: c.minCertifiedUsers }),
              );
            if (c?.minTrailingPoints && c.minTrailingPoints !== '0') parts.push(t('{{points}} points in 12 months', { points: formatPoints(c.minTrailingPoints) }));
            return (
              <tr key={tier.code}>
                <td data-label={t('Tier')}>
                  <div className="cell-stack">
                    <strong>{tier.name}</strong>
                    <span className="muted small block">{tier.code}</span>
                  </div>
                </td>
                <td data-label={t('Criteria')}>{parts.length > 0 ? parts.join(' · ') : t('Every partner')}</td>
                <td data-label={t('Benefits')}>{tier.benefits}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('Only program admins change the ladder.')}</p>
    </>
  );
}

type Direction = '' | 'up' | 'down';
type Trigger = '' | TierChange['trigger'];

function TierChanges({ ladder }: { ladder?: TierLadder }) {
  const { t } = useTranslation();
  const [partnerId, setPartnerId] = useState('');
  const [direction, setDirection] = useState<Direction>('');
  const [trigger, setTrigger] = useState<Trigger>('');
  const pages = useTierChangePages(partnerId || undefined);
  const all = (pages.data?.pages ?? []).flatMap((p) => p.changes ?? []);
  const shown = all.filter(
    (c) => (direction === '' || (direction === 'up') === c.promotion) && (trigger === '' || c.trigger === trigger),
  );
  return (
    <Card title={t('Recent tier changes')} id="tier-changes">
      <div className="filters tier-filters">
        <PartnerPicker id="changes-partner" label={t('Partner')} value={partnerId} onChange={setPartnerId} emptyLabel={t('All partners')} />
        <label className="inline-select">
          <span>{t('Direction')}</span>
          <select value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            <option value="">{t('Up and down')}</option>
            <option value="up">{t('Promotions')}</option>
            <option value="down">{t('Demotions and placements')}</option>
          </select>
        </label>
        <label className="inline-select">
          <span>{t('Run by')}</span>
          <select value={trigger} onChange={(e) => setTrigger(e.target.value as Trigger)}>
            <option value="">{t('Any')}</option>
            <option value="TIER_CHANGE_TRIGGER_SCHEDULED">{t('Daily evaluation')}</option>
            <option value="TIER_CHANGE_TRIGGER_ON_DEMAND">{t('Run by hand')}</option>
          </select>
        </label>
      </div>
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>{all.length === 0 ? t('No tier changes yet.') : t('No loaded change matches these filters.')}</Empty>
      ) : (
        <TierChangeTable changes={shown} ladder={ladder} hidePartner={!!partnerId} caption={t('Recent tier changes')} />
      )}
      <LoadMore query={pages} label={t('Load older changes')} />
    </Card>
  );
}
