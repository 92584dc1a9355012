import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Link, useParams } from 'react-router';
import { Card, Page } from '@/components/Page';
import { Empty, ErrorMessage, Loading, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf } from '@/lib/api/enums';
import { usePartner, usePartners } from '@/lib/api/partners';
import { useEnrollmentPages, useProgramsById } from '@/lib/api/programs';
import type { Partner } from '@/lib/api/schema';
import { tierName, useTierLadder } from '@/lib/api/tiers';
import { formatDate, formatDateTime, formatDay } from '@/lib/format';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { managesPartners, usePrincipal } from '@/lib/principal';
import { useUpdatePartner } from '../api/partners';
import { PARTNER_STATUS_LABELS } from '../labels';
import { PartnerForm } from './PartnerForm';
import { PartnerName } from './PartnerName';
import { PartnerUsers } from './PartnerUsers';
import '../partners.css';

// What the partner page shows of a partner's tier; the tiers feature provides it (the app puts
// the two together).
export interface PartnerTierSections {
  // The partner's standing on the ladder, with an evaluation of just this partner if allowed.
  standing: (partnerId: string, canEvaluate: boolean) => ReactNode;
  // The partner's promotions and demotions.
  history: (partnerId: string) => ReactNode;
}

// The partner's notification defaults, with controls for those who may change them; the
// notifications feature provides it.
export type PartnerNotificationSection = (partnerId: string, canEdit: boolean) => ReactNode;

interface PartnerPageProps {
  tiers: PartnerTierSections;
  notificationDefaults?: PartnerNotificationSection;
}

// One partner: its details (edited by channel managers and program admins), its place in a
// multi-tier network, its tier standing, programs, people and notification defaults.
export function PartnerPage({ tiers, notificationDefaults }: PartnerPageProps) {
  const { partnerId = '' } = useParams();
  const partner = usePartner(partnerId);
  return (
    <QueryView query={partner}>
      {(p) => <PartnerView partner={p} tiers={tiers} notificationDefaults={notificationDefaults} refetch={() => void partner.refetch()} />}
    </QueryView>
  );
}

function PartnerView({
  partner: p,
  tiers,
  notificationDefaults,
  refetch,
}: PartnerPageProps & { partner: Partner; refetch: () => void }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canManage = managesPartners(principal.role);
  return (
    <Page
      title={p.name ?? ''}
      subtitle={
        <>
          <Link to="/partners">{t('Partners')}</Link> · {t(labelOf(PARTNER_TYPE_LABELS, p.type) ?? 'Unknown')} · {p.region}
        </>
      }
    >
      <div className="detail-grid partner-grid">
        <div>
          <PartnerDetails partner={p} canManage={canManage} refetch={refetch} />
          <PartnerUsers partnerId={p.id ?? ''} canManage={canManage} />
          <PartnerPrograms partnerId={p.id ?? ''} />
          <Card title={t('Tier history')} id="partner-tier-history">
            {tiers.history(p.id ?? '')}
          </Card>
          {notificationDefaults?.(p.id ?? '', canManage)}
        </div>
        <div>
          {tiers.standing(p.id ?? '', canManage)}
          <PartnerNetwork partner={p} />
        </div>
      </div>
    </Page>
  );
}

function PartnerDetails({ partner: p, canManage, refetch }: { partner: Partner; canManage: boolean; refetch: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const ladder = useTierLadder();
  const update = useUpdatePartner();
  const [editing, setEditing] = useState(false);
  // Bumped to start the form over from the partner as now stored.
  const [formKey, setFormKey] = useState(0);
  return (
    <Card
      title={t('Details')}
      id="partner-details"
      actions={
        canManage &&
        !editing && (
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)}>
            {t('Edit')}
          </button>
        )
      }
    >
      {editing ? (
        ladder.isPending ? (
          <Loading />
        ) : (
          <PartnerForm
            key={`${p.etag}-${formKey}`}
            editing
            initial={{ name: p.name ?? '', type: p.type, tier: p.tier ?? '', region: p.region ?? '', parentPartnerId: p.parentPartnerId || '0', status: p.status }}
            tiers={ladder.data?.tiers ?? []}
            partnerId={p.id}
            submitting={update.isPending}
            error={update.error instanceof ApiError ? update.error : null}
            submitLabel={t('Save changes')}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            onReload={() => {
              update.reset();
              refetch();
              setFormKey((k) => k + 1);
            }}
            onSubmit={(values, mask) =>
              update.mutate(
                { partner: { ...values, id: p.id ?? '', etag: p.etag ?? '' }, mask },
                {
                  onSuccess: (saved) => {
                    toasts.show(t('{{name}} was saved', { name: saved.name }), 'success');
                    setEditing(false);
                  },
                },
              )
            }
          />
        )
      ) : (
        <>
          {update.isError && !editing && <ErrorMessage error={update.error} />}
          <dl className="facts partner-facts">
            <div>
              <dt>{t('Type')}</dt>
              <dd>{t(labelOf(PARTNER_TYPE_LABELS, p.type) ?? 'Unknown')}</dd>
            </div>
            <div>
              <dt>{t('Tier')}</dt>
              <dd>{tierName(ladder.data, p.tier)}</dd>
            </div>
            <div>
              <dt>{t('Region or territory')}</dt>
              <dd>{p.region}</dd>
            </div>
            <div>
              <dt>{t('Status')}</dt>
              <dd>
                <span className={`pill ${p.status === 'PARTNER_STATUS_ACTIVE' ? 'pill--success' : 'pill--warning'}`}>{t(labelOf(PARTNER_STATUS_LABELS, p.status) ?? 'Unknown')}</span>
              </dd>
            </div>
            <div>
              <dt>{t('Parent partner')}</dt>
              <dd>{p.parentPartnerId && p.parentPartnerId !== '0' ? <PartnerName id={p.parentPartnerId} /> : t('None')}</dd>
            </div>
            <div>
              <dt>{t('Partner since')}</dt>
              <dd>{formatDate(p.createTime)}</dd>
            </div>
          </dl>
          {p.updateTime && <p className="muted small">{t('Last changed {{time}}', { time: formatDateTime(p.updateTime) })}</p>}
        </>
      )}
    </Card>
  );
}

// The partner above this one and those below it.
function PartnerNetwork({ partner: p }: { partner: Partner }) {
  const { t } = useTranslation();
  const ladder = useTierLadder();
  const children = usePartners({ parentPartnerId: p.id }, 50);
  const list = (children.data?.pages ?? []).flatMap((page) => page.partners ?? []);
  return (
    <Card title={t('Partner network')} id="partner-network">
      <p>
        <span className="muted">{t('Above')}: </span>
        {p.parentPartnerId && p.parentPartnerId !== '0' ? <PartnerName id={p.parentPartnerId} /> : t('None: top of its network')}
      </p>
      <h3 className="network__heading">{t('Below')}</h3>
      {children.isPending ? (
        <Loading />
      ) : children.isError ? (
        <ErrorMessage error={children.error} onRetry={() => void children.refetch()} />
      ) : list.length === 0 ? (
        <Empty>{t('No partners below this one.')}</Empty>
      ) : (
        <ul className="network__list">
          {list.map((c) => (
            <li key={c.id}>
              <Link to={`/partners/${c.id}`}>{c.name}</Link>
              <span className="muted small">
                {' '}
                · {t(labelOf(PARTNER_TYPE_LABELS, c.type) ?? 'Unknown')} · {tierName(ladder.data, c.tier)} · {c.region}
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={children} label={t('Load more partners')} />
    </Card>
  );
}

function PartnerPrograms({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const enrollments = useEnrollmentPages({ partnerId });
  // The programs of the enrollments shown, read by id.
  const byId = useProgramsById(enrollments.data?.items.map((e) => e.programId ?? '') ?? []);
  return (
    <Card title={t('Programs')} id="partner-programs">
      <QueryView query={enrollments}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{t('Not enrolled in any program.')}</Empty>
          ) : (
            <>
              <table className="table table--cards">
                <caption className="visually-hidden">{t('Programs the partner is enrolled in')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Program')}</th>
                    <th scope="col">{t('Period')}</th>
                    <th scope="col">{t('Enrolled')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => {
                    const program = byId.get(e.programId ?? '');
                    return (
                      <tr key={e.id}>
                        <td data-label={t('Program')}>
                          <Link to={`/programs/${e.programId}`}>{program?.name ?? t('Program #{{id}}', { id: e.programId })}</Link>
                        </td>
                        <td data-label={t('Period')}>{program ? `${formatDay(program.startDate)} – ${formatDay(program.endDate)}` : '—'}</td>
                        <td data-label={t('Enrolled')}>
                          <div className="cell-stack">
                            {formatDate(e.acceptTime)}
                            <span className="muted small block">{t('Terms version {{version}}', { version: e.acceptedTermsVersion })}</span>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <LoadMore query={enrollments} label={t('Show more programs')} />
            </>
          )
        }
      </QueryView>
    </Card>
  );
}
