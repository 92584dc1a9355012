import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { emptyQuestion, type ModuleDraft, type QuestionDraft } from './module-draft';

const kMaxQuestions = 20;
const kMaxOptions = 8;

interface QuizEditorProps {
  draft: ModuleDraft;
  onChange: (change: Partial<ModuleDraft>) => void;
  // The error for a field path under training_module (e.g. "quiz_questions[0].prompt").
  error: (field: string) => string | undefined;
}

// The quiz section of the module form: where the quiz is taken, its pass mark, and for a portal
// quiz its questions with their answers, the correct ones ticked.
export function QuizEditor({ draft, onChange, error }: QuizEditorProps) {
  const { t } = useTranslation();
  const setQuestion = (index: number, change: Partial<QuestionDraft>) =>
    onChange({ questions: draft.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) });
  const choices = [
    { value: 'none', label: t('No quiz') },
    { value: 'portal', label: t('Quiz in the portal, graded by CIM') },
    { value: 'lms', label: t('Quiz in the LMS, which records completions') },
  ] as const;
  return (
    <fieldset className="form__section" data-testid="quiz-editor">
      <legend>{t('Quiz')}</legend>
      <div className="quiz-kind" role="radiogroup" aria-label={t('Where the quiz is taken')}>
        {choices.map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="radio"
              name="quiz-kind"
              value={c.value}
              checked={draft.quiz === c.value}
              disabled={c.value === 'portal' && draft.certified}
              onChange={() => onChange({ quiz: c.value, questions: c.value === 'portal' && draft.questions.length === 0 ? [emptyQuestion()] : draft.questions })}
            />
            {c.label}
          </label>
        ))}
      </div>
      {draft.certified && <p className="muted small">{t('A module with a certification is completed in the LMS, so its quiz is the LMS’s too.')}</p>}
      {draft.quiz !== 'none' && (
        <div className="form__grid">
          <InputField
            id="module-pass-mark"
            label={t('Pass mark (%)')}
            inputMode="numeric"
            value={draft.passMark}
            onValueChange={(passMark) => onChange({ passMark })}
            hint={t('1 to 100: the share of questions answered right')}
            error={error('pass_mark')}
          />
        </div>
      )}
      {draft.quiz === 'portal' && (
        <>
          <p className="muted small">{t('Tick every correct answer. A question with several correct answers counts only when exactly those are chosen. Partners never see which answers are correct.')}</p>
          <ol className="quiz-editor">
            {draft.questions.map((question, q) => (
              <li key={q} className="quiz-editor__question">
                <InputField
                  id={`quiz-${q}-prompt`}
                  label={t('Question {{number}}', { number: q + 1 })}
                  value={question.prompt}
                  onValueChange={(prompt) => setQuestion(q, { prompt })}
                  maxLength={500}
                  error={error(`quiz_questions[${q}].prompt`)}
                />
                <ul className="quiz-editor__options">
                  {question.options.map((option, o) => (
                    <li key={o} className="quiz-editor__option">
                      <InputField
                        id={`quiz-${q}-option-${o}`}
                        label={t('Answer {{letter}}', { letter: String.fromCharCode(65 + o) })}
                        value={option}
                        onValueChange={(text) => setQuestion(q, { options: question.options.map((x, i) => (i === o ? text : x)) })}
                        maxLength={200}
                        error={error(`quiz_questions[${q}].options[${o}]`)}
                      />
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={question.correct.includes(o)}
                          onChange={(e) =>
                            setQuestion(q, { correct: e.target.checked ? [...question.correct, o] : question.correct.filter((c) => c !== o) })
                          }
                        />
                        <span aria-hidden="true">{t('Correct')}</span>
                        <span className="visually-hidden">
                          {t('Answer {{letter}} of question {{number}} is correct', { letter: String.fromCharCode(65 + o), number: q + 1 })}
                        </span>
                      </label>
                      {question.options.length > 2 && (
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={t('Remove answer {{letter}} of question {{number}}', { letter: String.fromCharCode(65 + o), number: q + 1 })}
                          onClick={() =>
                            setQuestion(q, {
                              options: question.options.filter((_, i) => i !== o),
                              correct: question.correct.filter((c) => c !== o).map((c) => (c > o ? c - 1 : c)),
                            })
                          }
                        >
                          {t('Remove')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                {[error(`quiz_questions[${q}].options`), error(`quiz_questions[${q}].correct_options`)]
                  .filter(Boolean)
                  .map((message) => (
                    <p key={message} className="field-error" role="alert">
                      {message}
                    </p>
                  ))}
                <div className="button-row">
                  {question.options.length < kMaxOptions && (
                    <button type="button" className="button button--ghost button--small" onClick={() => setQuestion(q, { options: [...question.options, ''] })}>
                      {t('Add answer')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => onChange({ questions: draft.questions.filter((_, i) => i !== q) })}
                  >
                    {t('Remove question {{number}}', { number: q + 1 })}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {error('quiz_questions') && (
            <p className="field-error" role="alert">
              {error('quiz_questions')}
            </p>
          )}
          {draft.questions.length < kMaxQuestions && (
            <button type="button" className="button button--ghost button--inline" onClick={() => onChange({ questions: [...draft.questions, emptyQuestion()] })}>
              {t('Add question')}
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}
