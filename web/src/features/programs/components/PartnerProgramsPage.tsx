import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/Page';
import { Empty, ErrorMessage, Loading } from '@/components/Status';
import { api } from '@/lib/api-client';
import { programKeys, useEnrollments, usePrograms } from '@/lib/api/programs';
import type { CheckEligibilityResponse, Enrollment, Program } from '@/lib/api/schema';
import { formatDay } from '@/lib/format';
import { gapText } from '@/lib/eligibility-gaps';
import { ProgramStatusPill } from './ProgramBits';
import '../programs.css';

// /programs for partner users: the programs their partner is in (with new terms to accept), the
// ones it can join, and the ones not open to it yet with what would change that.
export default function PartnerProgramsPage() {
  const { t } = useTranslation();
  const programs = usePrograms();
  const enrollments = useEnrollments();
  const enrolledById = new Map((enrollments.data ?? []).map((e) => [e.programId ?? '', e]));
  const open = (programs.data ?? []).filter((p) => p.status === 'PROGRAM_STATUS_ACTIVE' && !enrolledById.has(p.id ?? ''));
  const eligibility = useQueries({
    queries: open.map((p) => ({
      queryKey: programKeys.eligibility(p.id ?? '', 'mine'),
      queryFn: () => api.get<CheckEligibilityResponse>(`/v1/programs/${p.id}/eligibility`),
    })),
  });
  if (programs.isError || enrollments.isError) {
    return (
      <Page title={t('Programs')}>
        <ErrorMessage error={programs.error ?? enrollments.error} />
      </Page>
    );
  }
  if (programs.isPending || enrollments.isPending) return <Loading />;
  const mine = (programs.data ?? []).filter((p) => enrolledById.has(p.id ?? ''));
  const checked = open.map((p, i) => ({ program: p, eligibility: eligibility[i]?.data }));
  const joinable = checked.filter((c) => c.eligibility?.eligible);
  const notYet = checked.filter((c) => c.eligibility && !c.eligibility.eligible);
  return (
    <Page title={t('Programs')} subtitle={t('The programs your organisation is in, and the ones it can join.')}>
      <Card title={t('Your programs')} id="my-programs">
        {mine.length === 0 ? (
          <Empty>{t('Your organisation has not joined a program yet.')}</Empty>
        ) : (
          <ul className="program-offers">
            {mine.map((p) => (
              <ProgramOffer key={p.id} program={p} enrollment={enrolledById.get(p.id ?? '')} />
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('Open to you')} id="open-programs">
        {eligibility.some((q) => q.isPending) ? (
          <Loading />
        ) : joinable.length === 0 ? (
          <Empty>{t('No other program is open to your organisation right now.')}</Empty>
        ) : (
          <ul className="program-offers">
            {joinable.map(({ program }) => (
              <ProgramOffer key={program.id} program={program} />
            ))}
          </ul>
        )}
      </Card>
      {notYet.length > 0 && (
        <Card title={t('Not open to you yet')} id="closed-programs">
          <ul className="program-offers">
            {notYet.map(({ program, eligibility: e }) => (
              <ProgramOffer key={program.id} program={program}>
                <ul className="gap-list">
                  {(e?.gaps ?? []).map((gap, i) => {
                    const text = gapText(gap, t);
                    return (
                      <li key={i}>
                        {text.reason} <span className="muted">{text.step}</span>
                      </li>
                    );
                  })}
                </ul>
              </ProgramOffer>
            ))}
          </ul>
        </Card>
      )}
    </Page>
  );
}

function ProgramOffer({
  program: p,
  enrollment,
  children,
}: {
  program: Program;
  enrollment?: Enrollment;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const newTerms = enrollment !== undefined && (enrollment.acceptedTermsVersion ?? 0) < (p.termsVersion ?? 0);
  return (
    <li className="program-offer">
      <div className="program-offer__head">
        <Link to={`/programs/${p.id}`} className="program-offer__name">
          {p.name}
        </Link>
        <ProgramStatusPill status={p.status} />
        {newTerms && <span className="pill pill--warning">{t('New terms to accept')}</span>}
      </div>
      <p className="muted small">
        {formatDay(p.startDate)} – {formatDay(p.endDate)} · {p.currencyCode} ·{' '}
        {t('{{count}} rules', { count: p.rules?.length ?? 0 })}
      </p>
      {p.description && <p className="small">{p.description}</p>}
      {children}
    </li>
  );
}
