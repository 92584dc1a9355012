import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { InputField, SelectField } from '@/components/Fields';
import { Card, Page } from '@/components/Page';
import { PartnerPicker } from '@/components/PartnerPicker';
import { Empty, ErrorMessage, QueryView } from '@/components/Status';
import { UserPicker } from '@/components/UserPicker';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Role } from '@/lib/api/enums';
import { useUsersById } from '@/lib/api/partners';
import type { AuditRecord } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/principal';
import { useAuditRecords, useVerifyAuditTrail, type AuditFilter } from '../api/audit';
import { kEntityTypes } from '../api/entity-types';
import { AuditDiff } from './AuditDiff';
import '../audit.css';

interface FilterForm {
  actorUserId: string;
  actorPartnerId: string;
  rpc: string;
  entityType: string;
  entityId: string;
  requestId: string;
  from: string;
  to: string;
}

const kNoFilter: FilterForm = { actorUserId: '', actorPartnerId: '', rpc: '', entityType: '', entityId: '', requestId: '', from: '', to: '' };

// A "datetime-local" value (the user's time zone) as an RFC 3339 timestamp.
function toTimestamp(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function toFilter(form: FilterForm): AuditFilter {
  const trimmed = (v: string) => v.trim() || undefined;
  return {
    actorUserId: trimmed(form.actorUserId),
    actorPartnerId: trimmed(form.actorPartnerId),
    rpc: trimmed(form.rpc),
    entityType: trimmed(form.entityType),
    entityId: trimmed(form.entityId),
    requestId: trimmed(form.requestId),
    fromTime: toTimestamp(form.from),
    toTime: toTimestamp(form.to),
  };
}

// The audit trail (program admins and finance): who changed what and when, each change's
// before/after, and a check that the hash chain is intact.
export default function AuditPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('Audit trail')} subtitle={t('Every change: who, what, when, and the row before and after.')}>
      <VerifyTrail />
      <Records />
    </Page>
  );
}

function VerifyTrail() {
  const { t } = useTranslation();
  const verify = useVerifyAuditTrail();
  const result = verify.data;
  return (
    <Card
      id="audit-verify"
      title={t('Integrity')}
      actions={
        <button type="button" className="button button--primary button--small button--inline" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? t('Verifying…') : t('Verify audit trail')}
        </button>
      }
    >
      <p className="muted">
        {t('Records are hash-chained. Verifying recomputes every sealed record from the first to the chain head and reports the first one that was edited, deleted or inserted out of turn.')}
      </p>
      <div aria-live="polite">
        {verify.isError && <ErrorMessage error={verify.error} />}
        {result &&
          (result.intact ? (
            <div className="audit-verify audit-verify--ok" data-testid="audit-verify-result">
              <p>
                <strong>{t('The audit trail is intact.')}</strong>{' '}
                {t('{{count}} records checked, up to record {{head}}.', { count: Number(result.recordsChecked), head: result.headSeq })}
              </p>
              <p className="small">
                {t('Chain head hash (keep it elsewhere to detect a trail rewritten from scratch):')} <code className="audit-hash">{result.headHash}</code>
              </p>
            </div>
          ) : (
            <div className="audit-verify audit-verify--broken" role="alert" data-testid="audit-verify-result">
              <p>
                <strong>{t('The audit trail is broken at record {{seq}}.', { seq: result.brokenSeq })}</strong>
              </p>
              <p>{result.problem}</p>
              <p className="small">{t('{{count}} records checked before the break.', { count: Number(result.recordsChecked) })}</p>
            </div>
          ))}
      </div>
    </Card>
  );
}

function Records() {
  const { t } = useTranslation();
  const [form, setForm] = useState<FilterForm>(kNoFilter);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [open, setOpen] = useState<Set<string>>(new Set());
  const records = useAuditRecords(filter);
  // The actors of the records shown, read by id (only those not read before).
  const users = useUsersById(records.data?.items.map((r) => r.actorUserId ?? '') ?? []);
  const error = records.error instanceof ApiError ? records.error : null;
  const fieldError = (name: string) => error?.fieldError(name);
  const set = (key: keyof FilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(toFilter(form));
    setOpen(new Set());
  };
  const clear = () => {
    setForm(kNoFilter);
    setFilter({});
    setOpen(new Set());
  };
  const showRequest = (requestId: string) => {
    const next = { ...kNoFilter, requestId };
    setForm(next);
    setFilter(toFilter(next));
  };
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const actorName = (r: AuditRecord) => {
    if (r.actorUserId === '0') return t('The server');
    return users.get(r.actorUserId ?? '')?.displayName ?? t('user {{id}}', { id: r.actorUserId });
  };
  const roleLabel = (role: Role | undefined) => {
    const label = labelOf(ROLE_LABELS, role);
    return label ? t(label) : '';
  };

  return (
    <Card id="audit-records" title={t('Records')}>
      <form className="form audit-filters" onSubmit={apply} noValidate aria-label={t('Filter audit records')}>
        <div className="form__grid">
          <UserPicker
            id="audit-actor"
            label={t('Actor')}
            value={form.actorUserId}
            onChange={set('actorUserId')}
            emptyLabel={t('Anyone')}
            error={fieldError('actor_user_id')}
          />
          <PartnerPicker
            id="audit-actor-partner"
            label={t("Actor's partner")}
            value={form.actorPartnerId}
            onChange={set('actorPartnerId')}
            emptyLabel={t('Any')}
            error={fieldError('actor_partner_id')}
          />
          <InputField id="audit-rpc" label={t('Action (RPC)')} value={form.rpc} onValueChange={set('rpc')} maxLength={80} placeholder="ApproveClaim" error={fieldError('rpc')} />
          <SelectField
            id="audit-entity-type"
            label={t('Entity type')}
            value={form.entityType}
            onValueChange={set('entityType')}
            options={[{ value: '', label: t('Any') }, ...kEntityTypes.map((e) => ({ value: e, label: e }))]}
            error={fieldError('entity_type')}
          />
          <InputField
            id="audit-entity-id"
            label={t('Entity id')}
            value={form.entityId}
            onValueChange={set('entityId')}
            maxLength={80}
            disabled={!form.entityType}
            hint={!form.entityType ? t('Choose an entity type first.') : undefined}
            error={fieldError('entity_id')}
          />
          <InputField id="audit-request-id" label={t('Request id')} value={form.requestId} onValueChange={set('requestId')} maxLength={80} error={fieldError('request_id')} />
          <InputField id="audit-from" label={t('From')} type="datetime-local" value={form.from} onValueChange={set('from')} error={fieldError('from_time')} />
          <InputField id="audit-to" label={t('Until (not including)')} type="datetime-local" value={form.to} onValueChange={set('to')} error={fieldError('to_time')} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary button--inline">
            {t('Apply filters')}
          </button>
          <button type="button" className="button button--ghost" onClick={clear}>
            {t('Clear')}
          </button>
        </div>
      </form>
      <QueryView query={records}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('No audit records match these filters.')}</Empty>;
          return (
            <>
              <table className="table table--cards audit-table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('Time')}</th>
                    <th scope="col">{t('Actor')}</th>
                    <th scope="col">{t('Action')}</th>
                    <th scope="col">{t('Entity')}</th>
                    <th scope="col" className="num">
                      {t('Record')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{t('Details')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => {
                    const key = r.seq && r.seq !== '0' ? r.seq : `pending-${r.requestId}-${r.entityType}-${r.entityId}-${i}`;
                    const expanded = open.has(key);
                    return (
                      <Fragment key={key}>
                        <tr>
                          <td data-label={t('Time')}>{formatDateTime(r.time)}</td>
                          <td data-label={t('Actor')}>
                            <span>
                              {actorName(r)}
                              <span className="muted small block">{roleLabel(r.actorRole)}</span>
                            </span>
                          </td>
                          <td data-label={t('Action')}>
                            <code>{r.rpc}</code>
                          </td>
                          <td data-label={t('Entity')}>
                            <span>
                              {r.entityType} <span className="muted">#{r.entityId}</span>
                            </span>
                          </td>
                          <td data-label={t('Record')} className="num">
                            {r.seq !== '0' ? r.seq : <span className="pill pill--warning">{t('Not sealed yet')}</span>}
                          </td>
                          <td>
                            <button type="button" className="link-button" aria-expanded={expanded} onClick={() => toggle(key)}>
                              {expanded ? t('Hide changes') : t('Show changes')}
                              <span className="visually-hidden">
                                {' '}
                                {r.entityType} {r.entityId}
                              </span>
                            </button>
                          </td>
                        </tr>
                        {expanded && (
                          <tr className="table__expanded">
                            <td colSpan={6}>
                              <AuditDiff id={key} beforeJson={r.beforeJson ?? ''} afterJson={r.afterJson ?? ''} />
                              <dl className="facts facts--compact audit-meta">
                                <div>
                                  <dt>{t('Request id')}</dt>
                                  <dd>
                                    <code>{r.requestId}</code>{' '}
                                    <button type="button" className="link-button small" onClick={() => showRequest(r.requestId ?? '')}>
                                      {t('All records of this request')}
                                    </button>
                                  </dd>
                                </div>
                                <div>
                                  <dt>{t('Client address')}</dt>
                                  <dd>{r.clientAddress || '—'}</dd>
                                </div>
                                <div>
                                  <dt>{t('Hash')}</dt>
                                  <dd>
                                    <code className="audit-hash">{r.hash || t('not sealed yet')}</code>
                                  </dd>
                                </div>
                                <div>
                                  <dt>{t('Previous hash')}</dt>
                                  <dd>
                                    <code className="audit-hash">{r.prevHash || '—'}</code>
                                  </dd>
                                </div>
                              </dl>
                            </td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
              <LoadMore query={records} label={t('Show older records')} />
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}
