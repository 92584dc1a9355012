import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Link, useNavigate } from 'react-router';
import { Card, Page } from '@/components/Page';
import { PartnerPicker } from '@/components/PartnerPicker';
import { Empty, ErrorMessage, Loading } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type PartnerStatus, type PartnerType } from '@/lib/api/enums';
import { usePartners, type PartnerFilter } from '@/lib/api/partners';
import { tierName, useTierLadder } from '@/lib/api/tiers';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { managesPartners, usePrincipal } from '@/lib/principal';
import { useCreatePartner } from '../api/partners';
import { PARTNER_STATUS_LABELS } from '../labels';
import { PartnerForm } from './PartnerForm';
import { PartnerName } from './PartnerName';
import '../partners.css';

// Every partner organisation, searchable and filterable, and (channel managers and program
// admins) a form for a new one.
export default function PartnersPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canManage = managesPartners(principal.role);
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('Partners')}
      subtitle={t('Partner organisations, their networks, tiers and people.')}
      actions={
        canManage &&
        !creating && (
          <button type="button" className="button button--primary button--inline" onClick={() => setCreating(true)}>
            {t('New partner')}
          </button>
        )
      }
    >
      {creating && <NewPartner onClose={() => setCreating(false)} />}
      <PartnerList />
    </Page>
  );
}

function NewPartner({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const navigate = useNavigate();
  const ladder = useTierLadder();
  const create = useCreatePartner();
  if (ladder.isPending) return <Loading />;
  const tiers = ladder.data?.tiers ?? [];
  return (
    <Card title={t('New partner')} id="new-partner">
      <PartnerForm
        initial={{ name: '', tier: tiers[0]?.code ?? '', region: '', parentPartnerId: '0' }}
        tiers={tiers}
        submitting={create.isPending}
        error={create.error instanceof ApiError ? create.error : null}
        submitLabel={t('Create partner')}
        onCancel={onClose}
        onSubmit={(partner) =>
          create.mutate(partner, {
            onSuccess: (created) => {
              toasts.show(t('{{name}} was created', { name: created.name }), 'success');
              void navigate(`/partners/${created.id}`);
            },
          })
        }
      />
    </Card>
  );
}

// A value that follows `value` after the user paused typing.
function useDebounced(value: string, ms = 300) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function PartnerList() {
  const { t } = useTranslation();
  const ladder = useTierLadder();
  const [search, setSearch] = useState('');
  const [region, setRegion] = useState('');
  const [type, setType] = useState('');
  const [tier, setTier] = useState('');
  const [parent, setParent] = useState('');
  const [status, setStatus] = useState('');
  const nameContains = useDebounced(search.trim());
  const regionFilter = useDebounced(region.trim());
  const filter: PartnerFilter = {
    nameContains: nameContains || undefined,
    region: regionFilter || undefined,
    type: (type || undefined) as PartnerType | undefined,
    tier: tier || undefined,
    parentPartnerId: parent || undefined,
    status: (status || undefined) as PartnerStatus | undefined,
  };
  const partners = usePartners(filter, 25);
  const list = (partners.data?.pages ?? []).flatMap((p) => p.partners ?? []);
  const filtered = !!(nameContains || regionFilter || type || tier || parent || status);
  const clear = () => {
    setSearch('');
    setRegion('');
    setType('');
    setTier('');
    setParent('');
    setStatus('');
  };
  return (
    <Card title={t('All partners')} id="partner-list">
      <div className="partner-filters" role="search" aria-label={t('Filter partners')}>
        <label className="partner-filters__field">
          <span>{t('Name')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('Search by name')} />
        </label>
        <label className="partner-filters__field">
          <span>{t('Type')}</span>
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t('All types')}</option>
            {(Object.keys(PARTNER_TYPE_LABELS) as Array<Known<PartnerType>>).map((ty) => (
              <option key={ty} value={ty}>
                {t(PARTNER_TYPE_LABELS[ty])}
              </option>
            ))}
          </select>
        </label>
        <label className="partner-filters__field">
          <span>{t('Tier')}</span>
          <select value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">{t('All tiers')}</option>
            {(ladder.data?.tiers ?? []).map((ti) => (
              <option key={ti.code} value={ti.code}>
                {ti.name}
              </option>
            ))}
          </select>
        </label>
        <label className="partner-filters__field">
          <span>{t('Region')}</span>
          <input type="search" value={region} onChange={(e) => setRegion(e.target.value)} placeholder={t('e.g. EMEA-NL')} />
        </label>
        <label className="partner-filters__field">
          <span>{t('Status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('Any status')}</option>
            {(Object.keys(PARTNER_STATUS_LABELS) as Array<Known<PartnerStatus>>).map((s) => (
              <option key={s} value={s}>
                {t(PARTNER_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <PartnerPicker id="filter-parent" label={t('Parent partner')} value={parent} onChange={setParent} emptyLabel={t('Any parent')} />
        {filtered && (
          <button type="button" className="button button--ghost button--small partner-filters__clear" onClick={clear}>
            {t('Clear filters')}
          </button>
        )}
      </div>
      {partners.isPending ? (
        <Loading />
      ) : partners.isError ? (
        <ErrorMessage error={partners.error} onRetry={() => void partners.refetch()} />
      ) : list.length === 0 ? (
        <Empty>{filtered ? t('No partner matches these filters.') : t('No partners yet.')}</Empty>
      ) : (
        <>
          <table className="table table--cards partner-table">
            <caption className="visually-hidden">{t('Partners')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Name')}</th>
                <th scope="col">{t('Type')}</th>
                <th scope="col">{t('Tier')}</th>
                <th scope="col">{t('Region')}</th>
                <th scope="col">{t('Parent partner')}</th>
                <th scope="col">{t('Status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('Name')}>
                    <Link to={`/partners/${p.id}`}>{p.name}</Link>
                  </td>
                  <td data-label={t('Type')}>{t(labelOf(PARTNER_TYPE_LABELS, p.type) ?? 'Unknown')}</td>
                  <td data-label={t('Tier')}>{tierName(ladder.data, p.tier)}</td>
                  <td data-label={t('Region')}>{p.region}</td>
                  <td data-label={t('Parent partner')}>{p.parentPartnerId && p.parentPartnerId !== '0' ? <PartnerName id={p.parentPartnerId} /> : '—'}</td>
                  <td data-label={t('Status')}>
                    <span className={`pill ${p.status === 'PARTNER_STATUS_ACTIVE' ? 'pill--success' : 'pill--warning'}`}>
                      {t(labelOf(PARTNER_STATUS_LABELS, p.status) ?? 'Unknown')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small" aria-live="polite">
            {partners.hasNextPage ? t('Showing the first {{count}} partners', { count: list.length }) : t('{{count}} partners', { count: list.length })}
          </p>
          <LoadMore query={partners} label={t('Load more partners')} />
        </>
      )}
    </Card>
  );
}
