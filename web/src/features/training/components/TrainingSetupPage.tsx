import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { useBadgeCatalog } from '@/lib/api/recognition';
import type { TrainingModule } from '@/lib/api/schema';
import { useTrainingModules } from '@/lib/api/training';
import { formatDate, formatPoints } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { quizKind } from '../api/quiz-kind';
import { useCreateTrainingModule } from '../api/training';
import { emptyModuleDraft, toTrainingModule, type ModuleDraft } from './module-draft';
import { QuizEditor } from './QuizEditor';
import '../training.css';

// The training catalog with what each module rewards; program admins add modules.
export default function TrainingSetupPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const canEdit = principal.role === 'ROLE_PROGRAM_ADMIN';
  const modules = useTrainingModules();
  const badges = useBadgeCatalog();
  const [creating, setCreating] = useState(false);
  const badgesOf = (m: TrainingModule) => (badges.data ?? []).filter((b) => b.criteria?.moduleCompleted?.moduleId === m.id);
  return (
    <Page
      title={t('Training setup')}
      subtitle={canEdit ? t('Modules partners complete for points, badges and certifications.') : t('Modules partners complete for points, badges and certifications. Program admins change them.')}
      actions={
        canEdit &&
        !creating && (
          <button type="button" className="button button--primary button--inline" onClick={() => setCreating(true)}>
            {t('New training module')}
          </button>
        )
      }
    >
      {creating && <TrainingModuleForm onDone={() => setCreating(false)} />}
      <Card title={t('Training modules')} id="training-modules">
        <QueryView query={modules}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('No training modules yet.')}</Empty>
            ) : (
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">{t('Module')}</th>
                    <th scope="col" className="num">
                      {t('Duration')}
                    </th>
                    <th scope="col" className="num">
                      {t('Points')}
                    </th>
                    <th scope="col">{t('Certification')}</th>
                    <th scope="col">{t('Badge')}</th>
                    <th scope="col">{t('Created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((m) => (
                    <tr key={m.id}>
                      <td data-label={t('Module')}>
                        <div>
                          <strong>{m.title}</strong>
                          {quizKind(m) === 'portal' && (
                            <span className="pill pill--info">
                              {t('Portal quiz: {{count}} questions, pass mark {{mark}}%', { count: m.quizQuestions?.length ?? 0, mark: m.passMark })}
                            </span>
                          )}
                          {quizKind(m) === 'lms' && <span className="pill pill--info">{t('LMS quiz, pass mark {{mark}}%', { mark: m.passMark })}</span>}
                          {m.description && <span className="muted small block">{m.description}</span>}
                        </div>
                      </td>
                      <td className="num" data-label={t('Duration')}>
                        {t('{{minutes}} min', { minutes: m.durationMinutes })}
                      </td>
                      <td className="num" data-label={t('Points')}>
                        {m.points && m.points !== '0' ? formatPoints(m.points) : '—'}
                      </td>
                      <td data-label={t('Certification')}>
                        {m.certificationCode ? (
                          <span>
                            <code>{m.certificationCode}</code>
                            <span className="muted small block">{t('Valid for {{months}} months', { months: m.certificationValidMonths })}</span>
                          </span>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td data-label={t('Badge')}>{badgesOf(m).map((b) => b.name).join(', ') || '—'}</td>
                      <td data-label={t('Created')}>{formatDate(m.createTime)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
        {canEdit && <p className="muted small">{t('A badge for completing a module is a badge with the criterion “Completed a training module” (Badges & levels).')}</p>}
      </Card>
    </Page>
  );
}

const kShown = ['title', 'description', 'duration_minutes', 'points', 'certification_code', 'certification_valid_months', 'pass_mark', 'quiz_questions'].map(
  (f) => `training_module.${f}`,
);
// Violations the form shows next to an input (the quiz editor shows every quiz question's).
const shownInForm = (field: string) => kShown.includes(field) || field.startsWith('training_module.quiz_questions[');

export function TrainingModuleForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateTrainingModule();
  const [draft, setDraft] = useState<ModuleDraft>(emptyModuleDraft);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const apiError = create.error instanceof ApiError ? create.error : null;
  const error = (field: string) => {
    const path = `training_module.${field}`;
    return localErrors[path] ? t(localErrors[path]) : apiError?.fieldError(path);
  };
  const set = (change: Partial<ModuleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { module, errors } = toTrainingModule(draft);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(module, {
      onSuccess: (created) => {
        toasts.show(t('Training module {{title}} created', { title: created.title }), 'success');
        onDone();
      },
    });
  };
  return (
    <Card title={t('New training module')} id="new-training-module">
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__section">
          <legend>{t('Module')}</legend>
          <div className="form__grid">
            <InputField id="module-title" label={t('Title')} value={draft.title} onValueChange={(title) => set({ title })} maxLength={120} error={error('title')} />
            <InputField
              id="module-duration"
              label={t('Duration (minutes)')}
              inputMode="numeric"
              value={draft.durationMinutes}
              onValueChange={(durationMinutes) => set({ durationMinutes })}
              error={error('duration_minutes')}
            />
          </div>
          <TextAreaField id="module-description" label={t('Description')} value={draft.description} onValueChange={(description) => set({ description })} rows={3} maxLength={2000} error={error('description')} />
        </fieldset>
        <fieldset className="form__section">
          <legend>{t('Rewards')}</legend>
          <div className="form__grid">
            <InputField
              id="module-points"
              label={t('Points for the first completion')}
              inputMode="numeric"
              value={draft.points}
              onValueChange={(points) => set({ points })}
              hint={t('Whole points; empty for none')}
              error={error('points')}
            />
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.certified}
              onChange={(e) => set(e.target.checked && draft.quiz === 'portal' ? { certified: true, quiz: 'lms' } : { certified: e.target.checked })}
            />
            {t('Grants a certification')}
          </label>
          {draft.certified && (
            <div className="form__grid">
              <InputField
                id="module-certification"
                label={t('Certification code')}
                value={draft.certificationCode}
                onValueChange={(certificationCode) => set({ certificationCode })}
                maxLength={64}
                hint={t('Lower-case letters, digits, - and _, e.g. storage-expert. Completions are then recorded by the LMS.')}
                error={error('certification_code')}
              />
              <InputField
                id="module-validity"
                label={t('Valid for (months)')}
                inputMode="numeric"
                value={draft.certificationValidMonths}
                onValueChange={(certificationValidMonths) => set({ certificationValidMonths })}
                hint={t('1 to 120; each completion renews it')}
                error={error('certification_valid_months')}
              />
            </div>
          )}
        </fieldset>
        <QuizEditor draft={draft} onChange={set} error={error} />
        <FormErrors error={create.error} shown={shownInForm} />
        <FormActions pending={create.isPending} submitLabel={t('Create module')} pendingLabel={t('Creating…')} onCancel={onDone} />
      </form>
    </Card>
  );
}
