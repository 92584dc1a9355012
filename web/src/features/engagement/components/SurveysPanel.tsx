import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, Loading, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type PartnerType } from '@/lib/api/enums';
import type { NpsResult, Survey, SurveyResults } from '@/lib/api/schema';
import { toChartNumber } from '@/lib/decimal';
import { formatDateTime, formatNumber, locale } from '@/lib/format';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { useCreateSurvey, useSurveyResults, useSurveys } from '../api/engagement';
import { npsGroupOf, summarizeNps, type NpsGroup } from '../api/nps';
import { AudienceFields, audienceOf, audienceText, emptyAudience, isoToLocal, localToIso, type AudienceDraft } from './setup-fields';

const NpsChart = lazy(() => import('./NpsChart'));

export const NPS_GROUP_LABELS: Record<NpsGroup, string> = {
  promoters: 'Promoters (9–10)',
  passives: 'Passives (7–8)',
  detractors: 'Detractors (0–6)',
};

// An NPS or share ("35.2", "-100.0") with its one decimal, in the user's locale.
function formatTenths(value: string): string {
  if (!value) return '—';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(value));
}

const kCommentsShown = 10;

const kDefaultQuestion = 'How likely are you to recommend our partner program to a colleague?';

function surveyState(s: Survey, now: Date): 'open' | 'scheduled' | 'closed' {
  if (new Date(s.closeTime ?? '') <= now) return 'closed';
  if (new Date(s.openTime ?? '') > now) return 'scheduled';
  return 'open';
}

// NPS surveys: the list, their results, and a form for a new one (program admins and channel
// managers).
export function SurveysPanel({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const surveys = useSurveys(false);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const now = new Date();
  const stateLabels = { open: t('Open'), scheduled: t('Scheduled'), closed: t('Closed') };
  const statePill = { open: 'pill--success', scheduled: 'pill--info', closed: 'pill--warning' };
  return (
    <>
      {canCreate && !creating && (
        <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
          {t('New survey')}
        </button>
      )}
      {creating && <SurveyForm onDone={() => setCreating(false)} />}
      <Card title={t('Surveys')} id="survey-list">
        <QueryView query={surveys}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('No surveys yet.')}</Empty>
            ) : (
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('Survey')}</th>
                    <th scope="col">{t('Audience')}</th>
                    <th scope="col">{t('Window')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('Results')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => {
                    const state = surveyState(s, now);
                    return (
                      <tr key={s.id} aria-current={selected === s.id ? 'true' : undefined}>
                        <td data-label={t('Survey')}>
                          <div>
                            <strong>{s.title}</strong>
                            <span className={`pill ${statePill[state]}`}>{stateLabels[state]}</span>
                            <span className="muted small block">{s.question}</span>
                          </div>
                        </td>
                        <td data-label={t('Audience')}>{audienceText(s.audience, t)}</td>
                        <td data-label={t('Window')}>
                          {formatDateTime(s.openTime)} – {formatDateTime(s.closeTime)}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            aria-pressed={selected === s.id}
                            onClick={() => setSelected(selected === s.id ? null : (s.id ?? null))}
                          >
                            {selected === s.id ? t('Hide results') : t('Show results')}
                            <span className="visually-hidden"> · {s.title}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Card>
      {selected && <SurveyResultsCard surveyId={selected} />}
    </>
  );
}

function SurveyResultsCard({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const results = useSurveyResults(surveyId);
  return (
    <Card title={results.data ? t('Results: {{title}}', { title: results.data.survey?.title }) : t('Results')} id="survey-results">
      <QueryView query={results}>{(data) => <SurveyResultsView results={data} />}</QueryView>
    </Card>
  );
}

type Breakdown = 'overall' | 'type' | 'region';

export function SurveyResultsView({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const [breakdown, setBreakdown] = useState<Breakdown>('type');
  const [allComments, setAllComments] = useState(false);
  const summary = summarizeNps(results.overall);
  const comments = results.comments ?? [];
  if (summary.responses === '0') return <Empty>{t('No responses yet.')}</Empty>;
  const groupLabel = (r: NpsResult) =>
    breakdown === 'type' ? t(labelOf(PARTNER_TYPE_LABELS, `PARTNER_TYPE_${r.group}` as PartnerType) ?? r.group ?? '') : r.group === '(none)' ? t('No region') : (r.group ?? '');
  const groups = (breakdown === 'type' ? results.byPartnerType : breakdown === 'region' ? results.byRegion : []) ?? [];
  const rows = [
    { label: t('All'), result: results.overall ?? {} },
    ...groups.map((g) => ({ label: groupLabel(g), result: g })),
  ].map(({ label, result }) => ({
    label,
    promoters: toChartNumber(result.promoters),
    passives: toChartNumber(result.passives),
    detractors: toChartNumber(result.detractors),
    nps: summarizeNps(result).nps,
    responses: result.responses ?? '0',
  }));
  const breakdowns: Array<{ id: Breakdown; label: string }> = [
    { id: 'overall', label: t('Overall') },
    { id: 'type', label: t('By partner type') },
    { id: 'region', label: t('By region') },
  ];
  const chartTitle = t('Responses by score group');
  return (
    <div className="nps-results">
      <div className="stat-row" data-testid="nps-summary">
        <div className="stat">
          <span className="stat__label">{t('NPS')}</span>
          <span className={`stat__value ${summary.nps.startsWith('-') ? 'amount--negative' : ''}`}>{formatTenths(summary.nps)}</span>
          <span className="muted small">{t('{{count}} responses', { count: Number(summary.responses) })}</span>
        </div>
        {summary.shares.map((s) => (
          <div key={s.group} className={`stat nps-stat nps-stat--${s.group}`}>
            <span className="stat__label">{t(NPS_GROUP_LABELS[s.group])}</span>
            <span className="stat__value">{formatNumber(s.count)}</span>
            <span className="muted small">{t('{{share}}% of responses', { share: formatTenths(s.share) })}</span>
          </div>
        ))}
      </div>
      <h3>{chartTitle}</h3>
      <div className="chips" role="group" aria-label={t('Break down')}>
        {breakdowns.map((b) => (
          <button key={b.id} type="button" className="chip" aria-pressed={breakdown === b.id} onClick={() => setBreakdown(b.id)}>
            {b.label}
          </button>
        ))}
      </div>
      <Suspense fallback={<Loading />}>
        <NpsChart rows={rows} title={chartTitle} />
      </Suspense>
      <div className="nps-table">
      <table className="table table--compact">
        <caption className="visually-hidden">{chartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Group')}</th>
            <th scope="col" className="num">
              {t('Responses')}
            </th>
            <th scope="col" className="num">
              {t('Promoters')}
            </th>
            <th scope="col" className="num">
              {t('Passives')}
            </th>
            <th scope="col" className="num">
              {t('Detractors')}
            </th>
            <th scope="col" className="num">
              {t('NPS')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num" data-label={t('Responses')}>
                {formatNumber(r.responses)}
              </td>
              <td className="num" data-label={t('Promoters')}>
                {formatNumber(r.promoters)}
              </td>
              <td className="num" data-label={t('Passives')}>
                {formatNumber(r.passives)}
              </td>
              <td className="num" data-label={t('Detractors')}>
                {formatNumber(r.detractors)}
              </td>
              <td className="num" data-label={t('NPS')}>
                {formatTenths(r.nps)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <h3>{t('Comments')}</h3>
      {comments.length === 0 ? (
        <Empty>{t('No comments.')}</Empty>
      ) : (
        <ul className="nps-comments">
          {(allComments ? comments : comments.slice(0, kCommentsShown)).map((c, i) => (
            <li key={i} className="nps-comment">
              <span className={`nps-comment__score nps-stat--${npsGroupOf(c.score ?? 0)}`} aria-label={t('Score {{score}}', { score: c.score })}>
                {c.score}
              </span>
              <div>
                <p>{c.comment}</p>
                <span className="muted small">
                  {c.partnerName} · {t(labelOf(PARTNER_TYPE_LABELS, c.partnerType) ?? c.partnerType ?? '')}
                  {c.region && ` · ${c.region}`} · {formatDateTime(c.respondTime)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {comments.length > kCommentsShown && (
        <button type="button" className="button button--ghost button--small" onClick={() => setAllComments(!allComments)}>
          {allComments ? t('Show fewer comments') : t('Show all {{count}} comments', { count: comments.length })}
        </button>
      )}
    </div>
  );
}

const kShown = new Set(['title', 'question', 'open_time', 'close_time'].map((f) => `survey.${f}`));

function SurveyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateSurvey();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState(() => t(kDefaultQuestion));
  const [commentEnabled, setCommentEnabled] = useState(true);
  const [open, setOpen] = useState(() => isoToLocal(new Date()));
  const [close, setClose] = useState(() => isoToLocal(new Date(Date.now() + 14 * 86_400_000)));
  const [audience, setAudience] = useState<AudienceDraft>(emptyAudience);
  const apiError = create.error instanceof ApiError ? create.error : null;
  const field = (name: string) => apiError?.fieldError(`survey.${name}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title: title.trim(),
        question: question.trim(),
        commentEnabled,
        audience: audienceOf(audience),
        openTime: localToIso(open) as string,
        closeTime: localToIso(close) as string,
      },
      {
        onSuccess: (s) => {
          toasts.show(t('Survey {{title}} created', { title: s.title }), 'success');
          onDone();
        },
      },
    );
  };
  return (
    <Card title={t('New survey')} id="new-survey">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <InputField id="survey-title" label={t('Title')} value={title} onValueChange={setTitle} maxLength={120} error={field('title')} />
          <InputField id="survey-open" label={t('Opens')} type="datetime-local" value={open} onValueChange={setOpen} error={field('open_time')} />
          <InputField id="survey-close" label={t('Closes')} type="datetime-local" value={close} onValueChange={setClose} hint={t('At most a year after it opens')} error={field('close_time')} />
        </div>
        <TextAreaField
          id="survey-question"
          label={t('Question (answered on a scale of 0 to 10)')}
          value={question}
          onValueChange={setQuestion}
          rows={2}
          maxLength={500}
          error={field('question')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={commentEnabled} onChange={(e) => setCommentEnabled(e.target.checked)} />
          {t('Respondents may add a comment')}
        </label>
        <AudienceFields idPrefix="survey" value={audience} onChange={setAudience} error={apiError} path="survey" />
        <FormErrors error={create.error} shown={(f) => kShown.has(f) || f.startsWith('survey.audience')} />
        <FormActions pending={create.isPending} submitLabel={t('Create survey')} pendingLabel={t('Creating…')} onCancel={onDone} />
      </form>
    </Card>
  );
}
