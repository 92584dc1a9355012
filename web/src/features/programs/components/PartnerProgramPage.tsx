import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/Page';
import { ErrorMessage, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { useProgram } from '@/lib/api/programs';
import type { CheckEligibilityResponse, IncentiveRule, Program } from '@/lib/api/schema';
import { formatDate, formatDay, formatMoney, formatNumber } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { useAcceptTerms, useEnroll, useOwnEligibility, useRulesVersions, useTermsVersions } from '../api/programs';
import { gapText } from '@/lib/eligibility-gaps';
import { ProgramStatusPill, RuleList } from './ProgramBits';
import '../programs.css';

// /programs/:programId for partner users: what the program pays, in words and figures; joining it
// (partner admins accept the terms); accepting new terms; and, once in it, every rules and terms
// version that applied, so any reward can be checked against the version that produced it.
export default function PartnerProgramPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const eligibility = useOwnEligibility(programId);
  return (
    <QueryView query={program}>
      {(p) => (
        <Page
          title={p.name ?? ''}
          subtitle={
            <>
              <ProgramStatusPill status={p.status} /> {formatDay(p.startDate)} – {formatDay(p.endDate)} · {p.currencyCode}
            </>
          }
          actions={<Link to="/programs">{t('All programs')}</Link>}
        >
          {eligibility.isError && <ErrorMessage error={eligibility.error} onRetry={() => void eligibility.refetch()} />}
          {eligibility.data && <Membership program={p} eligibility={eligibility.data} />}
          <Card title={t('What you earn')} id="program-rules">
            {p.description && <p>{p.description}</p>}
            <RuleList rules={p.rules ?? []} currency={p.currencyCode ?? ''} />
            <RuleFigures rules={p.rules ?? []} currency={p.currencyCode ?? ''} />
          </Card>
          {eligibility.data?.enrolled && <History program={p} />}
        </Page>
      )}
    </QueryView>
  );
}

// Joining, or accepting new terms, or what keeps the partner out.
function Membership({ program: p, eligibility: e }: { program: Program; eligibility: CheckEligibilityResponse }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const admin = principal.role === 'ROLE_PARTNER_ADMIN';
  const behind = e.enrolled && (e.acceptedTermsVersion ?? 0) < (e.termsVersion ?? 0);
  if (e.enrolled && !behind) {
    return (
      <Card title={t('You are in this program')} id="membership">
        <p>{t('Your organisation accepted terms version {{version}}.', { version: e.acceptedTermsVersion })}</p>
      </Card>
    );
  }
  if (!e.enrolled && !e.eligible) {
    return (
      <Card title={t('Not open to you yet')} id="membership">
        <ul className="gap-list">
          {(e.gaps ?? []).map((gap, i) => {
            const text = gapText(gap, t);
            return (
              <li key={i}>
                <strong>{text.reason}</strong> {text.step}
              </li>
            );
          })}
        </ul>
      </Card>
    );
  }
  if (p.status !== 'PROGRAM_STATUS_ACTIVE' && !e.enrolled) {
    return (
      <Card title={t('Join this program')} id="membership">
        <p>{t('This program takes no new members while it is not active.')}</p>
      </Card>
    );
  }
  return (
    <Card title={behind ? t('New terms to accept') : t('Join this program')} id="membership">
      {behind && (
        <p className="notice notice--warning" role="status">
          {t('The terms changed (version {{version}}). Until a partner admin accepts them, new claims in this program do not count.', {
            version: e.termsVersion,
          })}
        </p>
      )}
      <h3 className="small">{t('Terms, version {{version}}', { version: e.termsVersion })}</h3>
      <p className="prewrap small terms-text">{e.terms}</p>
      {admin ? (
        <AcceptTermsForm programId={p.id ?? ''} termsVersion={e.termsVersion ?? 0} joining={!e.enrolled} />
      ) : (
        <p className="muted">{t('A partner admin of your organisation accepts the terms for everyone.')}</p>
      )}
    </Card>
  );
}

function AcceptTermsForm({ programId, termsVersion, joining }: { programId: string; termsVersion: number; joining: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const enroll = useEnroll();
  const accept = useAcceptTerms();
  const mutation = joining ? enroll : accept;
  const [agreed, setAgreed] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { programId, termsVersion },
      { onSuccess: () => toasts.show(joining ? t('You joined the program.') : t('You accepted the new terms.'), 'success') },
    );
  };
  return (
    <form onSubmit={submit} className="stack">
      <label className="checkbox">
        <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
        {t('I have read these terms and accept them for my organisation.')}
      </label>
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      <div>
        <button type="submit" className="button button--primary" disabled={!agreed || mutation.isPending}>
          {joining ? t('Join the program') : t('Accept the new terms')}
        </button>
      </div>
    </form>
  );
}

// The figures behind the words: each rebate's tiers, and the amounts of the other rules.
function RuleFigures({ rules, currency }: { rules: IncentiveRule[]; currency: string }) {
  const { t } = useTranslation();
  const rebates = rules.filter((r) => r.rebate && (r.rebate.tiers ?? []).length > 0);
  if (rebates.length === 0) return null;
  return (
    <>
      {rebates.map((rule) => (
        <table key={rule.id} className="table table--compact rule-figures">
          <caption>{rule.name || rule.id}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Period sales from')}</th>
              <th scope="col" className="num">
                {t('Rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(rule.rebate?.tiers ?? []).map((tier, i) => (
              <tr key={i}>
                <td>{formatMoney(tier.minVolume || '0', currency)}</td>
                <td className="num">{formatNumber(tier.percent || '0')}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

// Every terms and rules version, newest first.
function History({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const terms = useTermsVersions(p.id ?? '', true);
  const rules = useRulesVersions(p.id ?? '');
  return (
    <Card title={t('Versions')} id="program-versions">
      <div className="detail-grid">
        <section>
          <h3 className="small">{t('Terms')}</h3>
          <QueryView query={terms}>
            {(versions) => (
              <ol className="version-list">
                {versions.map((v) => (
                  <li key={v.version}>
                    <details>
                      <summary>
                        {t('Version {{version}}', { version: v.version })} · {formatDate(v.createTime)}
                        {v.acceptTime ? (
                          <span className="pill pill--success">{t('accepted {{date}}', { date: formatDate(v.acceptTime) })}</span>
                        ) : (
                          <span className="pill">{t('not accepted')}</span>
                        )}
                      </summary>
                      <p className="prewrap small">{v.terms}</p>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </QueryView>
        </section>
        <section>
          <h3 className="small">{t('Rules')}</h3>
          <QueryView query={rules}>
            {(versions) => (
              <ol className="version-list">
                {versions.map((v) => (
                  <li key={v.version}>
                    <details>
                      <summary>
                        {t('Version {{version}}', { version: v.version })} · {formatDate(v.createTime)}
                      </summary>
                      <RuleList rules={v.rules ?? []} currency={p.currencyCode ?? ''} />
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </QueryView>
        </section>
      </div>
    </Card>
  );
}
