import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveButton, ArchiveError, ArchivedPill, ShowArchived } from '@/components/Archiving';
import { InputField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Survey } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { useCreateSurvey, useSurveyResults, useSurveys, useUpdateSurvey } from '../api/engagement';
import { AudienceFields, audienceText } from './setup-fields';
import { newSurveyDraft, surveyDraftOf, surveyEditMask, surveyOfDraft, surveyOpened, type SurveyDraft } from './survey-draft';
import { SurveyResultsView } from './SurveyResultsView';

const kDefaultQuestion = 'How likely are you to recommend our partner program to a colleague?';

export function surveyState(s: Survey, now: Date): 'open' | 'scheduled' | 'closed' {
  if (new Date(s.closeTime ?? '') <= now) return 'closed';
  if (new Date(s.openTime ?? '') > now) return 'scheduled';
  return 'open';
}

// NPS surveys: the list, their results, and forms for a new one and for editing one; archiving
// and restoring (program admins and channel managers).
export function SurveysPanel({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [showArchived, setShowArchived] = useState(false);
  const surveys = useSurveys(false, showArchived);
  const update = useUpdateSurvey();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Survey | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const now = new Date();
  const stateLabels = { open: t('Open'), scheduled: t('Scheduled'), closed: t('Closed') };
  const statePill = { open: 'pill--success', scheduled: 'pill--info', closed: 'pill--warning' };
  const setArchived = (s: Survey, archived: boolean) =>
    update.mutate(
      { survey: { id: s.id, etag: s.etag, archived }, mask: ['archived'] },
      {
        onSuccess: () =>
          toasts.show(archived ? t('Survey {{title}} archived', { title: s.title }) : t('Survey {{title}} restored', { title: s.title }), 'success'),
      },
    );
  return (
    <>
      <div className="setup-toolbar">
        {canCreate && !creating && !editing && (
          <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
            {t('New survey')}
          </button>
        )}
        <ShowArchived id="surveys-show-archived" checked={showArchived} onChange={setShowArchived} />
      </div>
      {creating && <SurveyForm onDone={() => setCreating(false)} />}
      {editing && <SurveyForm key={editing.id} editing={editing} onDone={() => setEditing(null)} />}
      <Card title={t('Surveys')} id="survey-list">
        <ArchiveError error={update.error} />
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
                      <span className="visually-hidden">{t('Actions')}</span>
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
                            {s.archived && <ArchivedPill />}
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
                          {canCreate && (
                            <>
                              <button
                                type="button"
                                className="button button--ghost button--small"
                                onClick={() => {
                                  setCreating(false);
                                  setEditing(s);
                                }}
                                aria-label={t('Edit {{name}}', { name: s.title })}
                              >
                                {t('Edit')}
                              </button>
                              <ArchiveButton archived={!!s.archived} name={s.title ?? ''} pending={update.isPending} onToggle={(archived) => setArchived(s, archived)} />
                            </>
                          )}
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

const kShown = new Set(['title', 'question', 'open_time', 'close_time'].map((f) => `survey.${f}`));

// A new survey, or `editing` prefilled: once it has a response its question and audience are
// shown but fixed, and once it has opened its opening.
function SurveyForm({ editing, onDone }: { editing?: Survey; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const mutation = editing ? update : create;
  // Whether anyone answered (the server checks again when saving).
  const results = useSurveyResults(editing?.id ?? null);
  const answered = Number(results.data?.overall?.responses ?? '0') > 0;
  const [opened] = useState(() => !!editing && surveyOpened(editing, new Date()));
  const [draft, setDraft] = useState<SurveyDraft>(() => (editing ? surveyDraftOf(editing) : newSurveyDraft(new Date(), t(kDefaultQuestion))));
  const [unchanged, setUnchanged] = useState(false);
  const set = (change: Partial<SurveyDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setUnchanged(false);
  };
  const answeredReason = answered ? t('The survey has responses: its question and audience are fixed.') : undefined;
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const field = (name: string) => apiError?.fieldError(`survey.${name}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) {
      create.mutate(surveyOfDraft(draft), {
        onSuccess: (s) => {
          toasts.show(t('Survey {{title}} created', { title: s.title }), 'success');
          onDone();
        },
      });
      return;
    }
    const mask = surveyEditMask(editing, draft);
    if (mask.length === 0) {
      setUnchanged(true);
      return;
    }
    update.mutate(
      { survey: { ...surveyOfDraft(draft), id: editing.id, etag: editing.etag }, mask },
      {
        onSuccess: (s) => {
          toasts.show(t('Survey {{title}} saved', { title: s.title }), 'success');
          onDone();
        },
      },
    );
  };
  return (
    <Card title={editing ? t('Edit survey {{title}}', { title: editing.title }) : t('New survey')} id={editing ? 'edit-survey' : 'new-survey'}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <InputField id="survey-title" label={t('Title')} value={draft.title} onValueChange={(title) => set({ title })} maxLength={120} error={field('title')} />
          <InputField
            id="survey-open"
            label={t('Opens')}
            type="datetime-local"
            value={draft.open}
            onValueChange={(open) => set({ open })}
            readOnly={opened}
            hint={opened ? t('The survey has opened: its opening is fixed.') : editing ? t('Not in the past') : undefined}
            error={field('open_time')}
          />
          <InputField
            id="survey-close"
            label={t('Closes')}
            type="datetime-local"
            value={draft.close}
            onValueChange={(close) => set({ close })}
            hint={editing ? t('Not in the past; at most a year after it opens') : t('At most a year after it opens')}
            error={field('close_time')}
          />
        </div>
        <TextAreaField
          id="survey-question"
          label={t('Question (answered on a scale of 0 to 10)')}
          value={draft.question}
          onValueChange={(question) => set({ question })}
          rows={2}
          maxLength={500}
          readOnly={answered}
          hint={answeredReason}
          error={field('question')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={draft.commentEnabled} onChange={(e) => set({ commentEnabled: e.target.checked })} />
          {t('Respondents may add a comment')}
        </label>
        <AudienceFields idPrefix="survey" value={draft.audience} onChange={(audience) => set({ audience })} error={apiError} path="survey" fixed={answeredReason} />
        <FormErrors error={mutation.error} shown={(f) => kShown.has(f) || f.startsWith('survey.audience')} />
        {unchanged && (
          <p className="muted" role="status">
            {t('Nothing changed.')}
          </p>
        )}
        <FormActions
          pending={mutation.isPending}
          submitLabel={editing ? t('Save changes') : t('Create survey')}
          pendingLabel={editing ? t('Saving…') : t('Creating…')}
          onCancel={onDone}
        />
      </form>
    </Card>
  );
}
