import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';
import type { TrainingCompletion, TrainingModule } from '@/lib/api/schema';
import { formatDateTime } from '@/lib/format';
import { useCompleteTraining } from '../api/training';

interface QuizFormProps {
  module: TrainingModule;
  onPassed: (completion: TrainingCompletion) => void;
  onCancel: () => void;
}

// The server's answer to a score below the pass mark names both figures.
function failedScore(error: ApiError): { score: string; mark: string } | null {
  const m = /(\d+)% is below the pass mark of (\d+)%/.exec(error.message);
  return error.code === 9 && m ? { score: m[1]!, mark: m[2]! } : null;
}

// After too many failed attempts the server names when the next one is allowed.
function retryAfter(error: ApiError): string | null {
  const m = /try again after (\S+Z)/.exec(error.message);
  return error.code === 8 && m ? m[1]! : null;
}

function quizErrorText(error: ApiError, t: TFunction): string {
  const failed = failedScore(error);
  if (failed) return t('You scored {{score}}%; {{mark}}% passes. Have another look and try again.', failed);
  const retry = retryAfter(error);
  if (retry) return t('Three attempts did not pass. Go through the module again; you can retake the quiz from {{time}}.', { time: formatDateTime(retry) });
  return error.message;
}

// A module's portal quiz: every question with its answers as checkboxes (a question may have
// several right answers; partners are not told how many). The server grades the answers.
export function QuizForm({ module, onPassed, onCancel }: QuizFormProps) {
  const { t } = useTranslation();
  const complete = useCompleteTraining();
  const questions = module.quizQuestions ?? [];
  const [answers, setAnswers] = useState<number[][]>(() => questions.map(() => []));
  const [unanswered, setUnanswered] = useState<number[]>([]);
  const error = complete.error instanceof ApiError ? complete.error : null;

  const toggle = (q: number, o: number, on: boolean) => {
    setAnswers((all) => all.map((selected, i) => (i !== q ? selected : on ? [...selected, o].sort((a, b) => a - b) : selected.filter((x) => x !== o))));
    setUnanswered((list) => list.filter((i) => i !== q));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = answers.flatMap((selected, q) => (selected.length === 0 ? [q] : []));
    setUnanswered(missing);
    if (missing.length > 0) return;
    complete.mutate({ moduleId: module.id ?? '', quizAnswers: answers }, { onSuccess: onPassed });
  };

  return (
    <form className="quiz" onSubmit={submit} noValidate aria-label={t('Quiz: {{title}}', { title: module.title })}>
      <p className="muted small">{t('Select every answer that applies. You pass with {{mark}}% or more.', { mark: module.passMark })}</p>
      <ol className="quiz__questions">
        {questions.map((question, q) => (
          <li key={q}>
            <fieldset className="quiz__question" aria-describedby={unanswered.includes(q) ? `quiz-${module.id}-${q}-error` : undefined}>
              <legend>{question.prompt}</legend>
              {(question.options ?? []).map((option, o) => (
                <label key={o} className="checkbox quiz__option">
                  <input type="checkbox" checked={answers[q]!.includes(o)} onChange={(e) => toggle(q, o, e.target.checked)} />
                  {option}
                </label>
              ))}
              {unanswered.includes(q) && (
                <p id={`quiz-${module.id}-${q}-error`} className="field-error" role="alert">
                  {t('Choose at least one answer')}
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {error && (
        <p className="form-error" role="alert">
          {quizErrorText(error, t)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={complete.isPending}>
          {complete.isPending ? t('Checking…') : t('Submit answers')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
