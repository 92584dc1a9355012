import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveButton, ArchivedPill, ArchiveError, ShowArchived } from '@/components/Archiving';
import { InputField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { useBadgeCatalog } from '@/lib/api/recognition';
import type { TrainingModule } from '@/lib/api/schema';
import { formatDate, formatPoints } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';
import { quizKind } from '../api/quiz-kind';
import { useCreateTrainingModule, useTrainingCatalog, useUpdateTrainingModule } from '../api/training';
import { emptyModuleDraft, moduleDraftFrom, toTrainingModule, toTrainingModuleUpdate, type ModuleDraft } from './module-draft';
import { QuizEditor } from './QuizEditor';
import '../training.css';

// The training catalog with what each module rewards; program admins add, edit, archive and
// restore modules. Archived modules are listed on request (partners never see them).
export default function TrainingSetupPage() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const principal = usePrincipal();
  const canEdit = principal.role === 'ROLE_PROGRAM_ADMIN';
  const [showArchived, setShowArchived] = useState(false);
  const modules = useTrainingCatalog({ includeArchived: showArchived });
  const badges = useBadgeCatalog();
  const update = useUpdateTrainingModule();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TrainingModule | null>(null);
  const badgesOf = (m: TrainingModule) => (badges.data ?? []).filter((b) => b.criteria?.moduleCompleted?.moduleId === m.id);
  const setArchived = (m: TrainingModule, archived: boolean) =>
    update.mutate(
      { id: m.id ?? '', etag: m.etag ?? '', module: { archived }, mask: ['archived'] },
      {
        onSuccess: (saved) =>
          toasts.show(archived ? t('Training module {{title}} archived', { title: saved.title }) : t('Training module {{title}} restored', { title: saved.title }), 'success'),
      },
    );
  return (
    <Page
      title={t('Training setup')}
      subtitle={canEdit ? t('Modules partners complete for points, badges and certifications.') : t('Modules partners complete for points, badges and certifications. Program admins change them.')}
      actions={
        canEdit &&
        !creating && (
          <button
            type="button"
            className="button button--primary button--inline"
            onClick={() => {
              setEditing(null);
              setCreating(true);
            }}
          >
            {t('New training module')}
          </button>
        )
      }
    >
      {creating && <TrainingModuleForm onDone={() => setCreating(false)} />}
      {editing && <TrainingModuleForm key={editing.id} module={editing} onDone={() => setEditing(null)} />}
      <Card
        title={t('Training modules')}
        id="training-modules"
        actions={<ShowArchived id="training-show-archived" checked={showArchived} onChange={setShowArchived} />}
      >
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
                    {canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">{t('Actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {list.map((m) => (
                    <tr key={m.id} className={m.archived ? 'muted' : undefined}>
                      <td data-label={t('Module')}>
                        <div>
                          <strong>{m.title}</strong>
                          {m.archived && <ArchivedPill />}
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
                      {canEdit && (
                        <td data-label={t('Actions')}>
                          <div className="button-row">
                            <button
                              type="button"
                              className="button button--ghost button--small"
                              aria-label={t('Edit {{title}}', { title: m.title })}
                              onClick={() => {
                                setCreating(false);
                                setEditing(m);
                              }}
                            >
                              {t('Edit')}
                            </button>
                            <ArchiveButton archived={Boolean(m.archived)} name={m.title ?? ''} pending={update.isPending} onToggle={(archived) => setArchived(m, archived)} />
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
        <ArchiveError error={update.error} />
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

// Creates a module, or edits `module` (prefilled as stored, its certification code read-only).
export function TrainingModuleForm({ module: original, onDone }: { module?: TrainingModule; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateTrainingModule();
  const update = useUpdateTrainingModule();
  const editing = original !== undefined;
  const saving = editing ? update : create;
  const [draft, setDraft] = useState<ModuleDraft>(() => (original ? moduleDraftFrom(original) : emptyModuleDraft));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const apiError = saving.error instanceof ApiError ? saving.error : null;
  const error = (field: string) => {
    const path = `training_module.${field}`;
    return localErrors[path] ? t(localErrors[path]) : apiError?.fieldError(path);
  };
  const set = (change: Partial<ModuleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (original) {
      const { module, mask, errors } = toTrainingModuleUpdate(original, draft);
      setLocalErrors(errors);
      if (Object.keys(errors).length > 0) return;
      if (mask.length === 0) {
        toasts.show(t('Nothing changed'));
        onDone();
        return;
      }
      update.mutate(
        { id: original.id ?? '', etag: original.etag ?? '', module, mask },
        {
          onSuccess: (saved) => {
            toasts.show(t('Training module {{title}} saved', { title: saved.title }), 'success');
            onDone();
          },
        },
      );
      return;
    }
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
    <Card title={original ? t('Edit {{title}}', { title: original.title }) : t('New training module')} id={original ? 'edit-training-module' : 'new-training-module'}>
      <form className="form" onSubmit={submit} noValidate>
        {editing && <p className="muted">{t('Completions already made keep their points and certifications; your changes count for completions from now on.')}</p>}
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
          {!editing && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.certified}
                onChange={(e) => set(e.target.checked && draft.quiz === 'portal' ? { certified: true, quiz: 'lms' } : { certified: e.target.checked })}
              />
              {t('Grants a certification')}
            </label>
          )}
          {draft.certified && (
            <div className="form__grid">
              <InputField
                id="module-certification"
                label={t('Certification code')}
                value={draft.certificationCode}
                onValueChange={(certificationCode) => set({ certificationCode })}
                maxLength={64}
                readOnly={editing}
                hint={
                  editing
                    ? t('The certification a module grants never changes.')
                    : t('Lower-case letters, digits, - and _, e.g. storage-expert. Completions are then recorded by the LMS.')
                }
                error={error('certification_code')}
              />
              <InputField
                id="module-validity"
                label={t('Valid for (months)')}
                inputMode="numeric"
                value={draft.certificationValidMonths}
                onValueChange={(certificationValidMonths) => set({ certificationValidMonths })}
                hint={editing ? t('1 to 120; counts for certifications granted or renewed from now on') : t('1 to 120; each completion renews it')}
                error={error('certification_valid_months')}
              />
            </div>
          )}
        </fieldset>
        <QuizEditor draft={draft} onChange={set} error={error} />
        <FormErrors error={saving.error} shown={shownInForm} />
        <FormActions
          pending={saving.isPending}
          submitLabel={editing ? t('Save changes') : t('Create module')}
          pendingLabel={editing ? t('Saving…') : t('Creating…')}
          onCancel={onDone}
        />
      </form>
    </Card>
  );
}
