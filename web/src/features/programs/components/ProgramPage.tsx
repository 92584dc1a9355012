import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, ErrorMessage, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type ProgramStatus } from '@/lib/api/enums';
import { usePartnersById } from '@/lib/api/partners';
import { useEnrollmentPages, useProgram } from '@/lib/api/programs';
import type { Program } from '@/lib/api/schema';
import { formatDate, formatDateTime, formatDay, formatNumber } from '@/lib/format';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { usePrincipal } from '@/lib/principal';
import {
  useChangeProgramStatus,
  useEligibility,
  usePartnerSearch,
  useRulesVersions,
  type StatusAction,
} from '../api/programs';
import { PROGRAM_PERIOD_LABELS } from '../labels';
import { BudgetBar, ProgramStatusPill, RuleList } from './ProgramBits';
import '../programs.css';

// /programs/:programId: a program's overview, status actions (program admins), rules and their
// versions, enrollments and an eligibility check for any partner (vendor roles).
export default function ProgramPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const periodText = (p: Program) => {
    const label = labelOf(PROGRAM_PERIOD_LABELS, p.period);
    return label ? t(label) : '';
  };
  return (
    <QueryView query={program}>
      {(p) => (
        <Page
          title={p.name ?? ''}
          subtitle={
            <>
              <ProgramStatusPill status={p.status} /> {formatDay(p.startDate)} – {formatDay(p.endDate)} ·{' '}
              {periodText(p)}
            </>
          }
          actions={<ProgramActions program={p} />}
        >
          <Overview program={p} />
          <Card title={t('Rules')} id="program-rules" actions={<span className="muted small">{t('Version {{version}}', { version: p.rulesVersion })}</span>}>
            <RuleList rules={p.rules ?? []} currency={p.currencyCode ?? ''} />
          </Card>
          <div className="detail-grid">
            <Enrollments program={p} />
            <EligibilityPreview program={p} />
          </div>
          <RulesVersions program={p} />
        </Page>
      )}
    </QueryView>
  );
}

const kActions: Record<Known<ProgramStatus>, StatusAction[]> = {
  PROGRAM_STATUS_DRAFT: ['activate'],
  PROGRAM_STATUS_ACTIVE: ['pause', 'close'],
  PROGRAM_STATUS_PAUSED: ['activate', 'close'],
  PROGRAM_STATUS_CLOSED: [],
};

function ProgramActions({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const toasts = useToasts();
  const change = useChangeProgramStatus();
  const [confirming, setConfirming] = useState<StatusAction | null>(null);
  const admin = principal.role === 'ROLE_PROGRAM_ADMIN';
  const label: Record<StatusAction, string> = {
    activate: p.status === 'PROGRAM_STATUS_PAUSED' ? t('Resume') : t('Activate'),
    pause: t('Pause'),
    close: t('Close'),
  };
  const question: Record<StatusAction, string> = {
    activate:
      p.status === 'PROGRAM_STATUS_PAUSED'
        ? t('Resume the program? Partners can enroll and claim again.')
        : t('Activate the program? Partners can see it, enroll and claim. Currency, start date and period are then fixed, and rule changes create new versions.'),
    pause: t('Pause the program? Enrollment and new claims stop; claims in review can still be decided.'),
    close: t('Close the program for good? Nothing can change afterwards except decisions on claims in review.'),
  };
  const error = change.error ?? null;
  const stale = error instanceof ApiError && (error.code === 10 || error.httpStatus === 409);
  const run = (action: StatusAction) =>
    change.mutate(
      { id: p.id ?? '', etag: p.etag ?? '', action },
      {
        onSuccess: () => {
          setConfirming(null);
          toasts.show(
            action === 'close' ? t('Program closed.') : action === 'pause' ? t('Program paused.') : t('Program is active.'),
            'success',
          );
        },
      },
    );
  return (
    <div className="program-actions">
      <div className="button-row">
        <Link className="button button--ghost" to={`/programs/${p.id}/performance`}>
          {t('Performance & ROI')}
        </Link>
        {admin && p.status !== 'PROGRAM_STATUS_CLOSED' && (
          <Link className="button button--ghost" to={`/programs/${p.id}/edit`}>
            {t('Edit')}
          </Link>
        )}
        {admin &&
          (labelOf(kActions, p.status) ?? []).map((action) => (
            <button
              key={action}
              type="button"
              className={`button ${action === 'close' ? 'button--danger' : action === 'activate' ? 'button--success' : 'button--ghost'}`}
              onClick={() => {
                change.reset();
                setConfirming(action);
              }}
              aria-expanded={confirming === action}
            >
              {label[action]}
            </button>
          ))}
      </div>
      {confirming && (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby="confirm-question"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(null);
          }}
        >
          <p id="confirm-question">{question[confirming]}</p>
          <div className="button-row">
            <button
              type="button"
              className={`button ${confirming === 'close' ? 'button--danger' : 'button--success'}`}
              onClick={() => run(confirming)}
              disabled={change.isPending}
              autoFocus
            >
              {change.isPending ? t('Working…') : t('Yes, {{action}}', { action: label[confirming].toLowerCase() })}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>
              {t('Cancel')}
            </button>
          </div>
          {stale ? (
            <p className="form-error" role="alert">
              {t('This program was changed by someone else. Reload the page and try again.')}
            </p>
          ) : (
            error && <ErrorMessage error={error} />
          )}
        </div>
      )}
    </div>
  );
}

function eligibilityInWords(p: Program, names: (id: string) => string, t: TFunction): string[] {
  const e = p.eligibility;
  const lines: string[] = [];
  if (e?.partnerTypes?.length) lines.push(t('Partner types: {{list}}', { list: e.partnerTypes.map((x) => t(labelOf(PARTNER_TYPE_LABELS, x) ?? 'Unknown')).join(', ') }));
  if (e?.tiers?.length) lines.push(t('Tiers: {{list}}', { list: e.tiers.join(', ') }));
  if (e?.regions?.length) lines.push(t('Regions: {{list}}', { list: e.regions.join(', ') }));
  if (e?.partnerIds?.length) lines.push(t('Only these partners: {{list}}', { list: e.partnerIds.map(names).join(', ') }));
  if (e?.requiredCertifications?.length)
    lines.push(t('A user must hold: {{list}}', { list: e.requiredCertifications.join(', ') }));
  if (lines.length === 0) lines.push(t('Every active partner may enroll.'));
  return lines;
}

function Overview({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const named = usePartnersById(p.eligibility?.partnerIds ?? []);
  const name = (id: string) => named.get(id)?.name ?? `#${id}`;
  return (
    <div className="detail-grid">
      <Card title={t('Overview')} id="program-overview">
        {p.description ? <p className="prewrap">{p.description}</p> : <p className="muted">{t('No description.')}</p>}
        {p.objectives && (
          <>
            <h3>{t('Objectives')}</h3>
            <p className="prewrap">{p.objectives}</p>
          </>
        )}
        {(p.targets ?? []).length > 0 && (
          <>
            <h3>{t('Targets')}</h3>
            <ul>
              {(p.targets ?? []).map((target) => (
                <li key={target.metric}>
                  <strong>{formatNumber(target.target)}</strong> {target.metric}
                  {target.description && <span className="muted"> · {target.description}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('Who may enroll')}</h3>
        <ul>
          {eligibilityInWords(p, name, t).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h3>{t('Products')}</h3>
        <p>{p.eligibleSkus?.length ? p.eligibleSkus.join(', ') : t('The whole catalog.')}</p>
      </Card>
      <Card title={t('Budget')} id="program-budget">
        <BudgetBar program={p} />
        <dl className="facts facts--compact">
          <div>
            <dt>{t('Currency')}</dt>
            <dd>{p.currencyCode}</dd>
          </div>
          <div>
            <dt>{t('Dates')}</dt>
            <dd>
              {formatDay(p.startDate)} – {formatDay(p.endDate)}
            </dd>
          </div>
          <div>
            <dt>{t('Terms version')}</dt>
            <dd>{p.termsVersion}</dd>
          </div>
          <div>
            <dt>{t('Last changed')}</dt>
            <dd>{formatDateTime(p.updateTime)}</dd>
          </div>
        </dl>
        {p.terms && (
          <details>
            <summary>{t('Terms partners accept')}</summary>
            <p className="prewrap small">{p.terms}</p>
          </details>
        )}
      </Card>
    </div>
  );
}

// The partners in the program, a page at a time, each named as its row shows.
function Enrollments({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const enrollments = useEnrollmentPages({ programId: p.id ?? '' });
  const partners = usePartnersById(enrollments.data?.items.map((e) => e.partnerId ?? '') ?? []);
  const name = (id: string) => partners.get(id)?.name ?? `#${id}`;
  return (
    <Card title={t('Enrollments')} id="program-enrollments">
      <QueryView query={enrollments}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{t('No partner has enrolled yet.')}</Empty>
          ) : (
            <>
              {!enrollments.hasNextPage && <p className="muted small">{t('{{count}} partners enrolled.', { count: list.length })}</p>}
              <table className="table table--compact enrollments-table">
                <thead>
                  <tr>
                    <th scope="col">{t('Partner')}</th>
                    <th scope="col">{t('Enrolled')}</th>
                    <th scope="col" className="num">
                      {t('Terms')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => (
                    <tr key={e.id}>
                      <td data-label={t('Partner')}>
                        <Link to={`/partners/${e.partnerId}`}>{name(e.partnerId ?? '')}</Link>
                      </td>
                      <td data-label={t('Enrolled')}>{formatDate(e.acceptTime)}</td>
                      <td className="num" data-label={t('Terms')}>
                        {t('v{{version}}', { version: e.acceptedTermsVersion })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore query={enrollments} label={t('Show more enrollments')} />
            </>
          )
        }
      </QueryView>
    </Card>
  );
}

function EligibilityPreview({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [partner, setPartner] = useState<{ id: string; name: string } | null>(null);
  const search = usePartnerSearch(query);
  const check = useEligibility(p.id ?? '', partner?.id ?? '');
  return (
    <Card title={t('Eligibility preview')} id="program-eligibility-preview">
      <div className="field">
        <label htmlFor="eligibility-partner">{t('Partner')}</label>
        <input
          id="eligibility-partner"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('Search partners by name')}
          autoComplete="off"
        />
      </div>
      {query.trim() && (
        <ul className="picker__results" aria-label={t('Matching partners')}>
          {search.isPending && <li className="muted small">{t('Searching…')}</li>}
          {search.data?.length === 0 && <li className="muted small">{t('No partner matches.')}</li>}
          {(search.data ?? []).slice(0, 8).map((x) => (
            <li key={x.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setPartner({ id: x.id ?? '', name: x.name ?? '' });
                  setQuery('');
                }}
              >
                {x.name}
              </button>
              <span className="muted small">
                {' '}
                · {t(labelOf(PARTNER_TYPE_LABELS, x.type) ?? 'Unknown')} · {x.tier} · {x.region}
              </span>
            </li>
          ))}
        </ul>
      )}
      {partner && (
        <div className="eligibility-result" aria-live="polite" data-testid="eligibility-result">
          <h3>{partner.name}</h3>
          <QueryView query={check}>
            {(c) => (
              <>
                <p>
                  {c.eligible ? (
                    <span className="pill pill--success">{t('Eligible')}</span>
                  ) : (
                    <span className="pill pill--danger">{t('Not eligible')}</span>
                  )}{' '}
                  {c.enrolled ? (
                    <span className="pill pill--info">{t('Enrolled')}</span>
                  ) : (
                    <span className="pill pill--warning">{t('Not enrolled')}</span>
                  )}
                </p>
                {!c.eligible && (c.reasons ?? []).length > 0 && (
                  <>
                    <p className="small">{t('Why not:')}</p>
                    <ul>
                      {(c.reasons ?? []).map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </QueryView>
        </div>
      )}
    </Card>
  );
}

function RulesVersions({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const versions = useRulesVersions(p.id ?? '');
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Card title={t('Rules versions')} id="program-versions">
      <p className="muted small">{t('Every reward records the rules version it was computed with.')}</p>
      <QueryView query={versions}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('No versions recorded yet.')}</Empty>
          ) : (
            <ol className="version-list" reversed>
              {[...list]
                .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))
                .map((v) => (
                  <li key={v.version}>
                    <div className="version-list__head">
                      <strong>{t('Version {{version}}', { version: v.version })}</strong>
                      {v.version === p.rulesVersion && <span className="pill pill--success">{t('Current')}</span>}
                      <span className="muted small">
                        {formatDateTime(v.createTime)} · {t('{{count}} rules', { count: v.rules?.length ?? 0 })}
                      </span>
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open === v.version}
                        onClick={() => setOpen(open === v.version ? null : (v.version ?? null))}
                      >
                        {open === v.version ? t('Hide rules') : t('Show rules')}
                      </button>
                    </div>
                    {open === v.version && <RuleList rules={v.rules ?? []} currency={p.currencyCode ?? ''} />}
                  </li>
                ))}
            </ol>
          )
        }
      </QueryView>
    </Card>
  );
}
