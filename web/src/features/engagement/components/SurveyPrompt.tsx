import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/Fields';
import { ApiError } from '@/lib/api-client';
import type { Survey } from '@/lib/api/schema';
import { usePrincipal } from '@/lib/principal';
import { useRespondToSurvey, useSurveys } from '../api/engagement';
import { PartnerSurveyResults } from './PartnerSurveyResults';

// The open survey the user has not answered yet, as a 0–10 question with an optional comment;
// for partner admins also their organisation's survey results.
export function SurveyPrompt() {
  const { role, partnerName } = usePrincipal();
  return (
    <>
      <SurveyQuestion />
      {role === 'ROLE_PARTNER_ADMIN' && <PartnerSurveyResults partnerName={partnerName ?? ''} />}
    </>
  );
}

function SurveyQuestion() {
  const { t } = useTranslation();
  const surveys = useSurveys(true);
  const [thanked, setThanked] = useState(false);
  const survey = surveys.data?.find((s) => !s.responded);
  if (thanked) {
    return (
      <section className="card survey survey--done" role="status">
        <p>{t('Thank you for your feedback!')}</p>
      </section>
    );
  }
  if (!survey) return null;
  return <SurveyCard key={survey.id} survey={survey} onDone={() => setThanked(true)} />;
}

function SurveyCard({ survey, onDone }: { survey: Survey; onDone: () => void }) {
  const { t } = useTranslation();
  const respond = useRespondToSurvey();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const error = respond.error instanceof ApiError ? respond.error : null;
  return (
    <section className="card survey" aria-labelledby={`survey-${survey.id}`}>
      <p className="eyebrow">{survey.title}</p>
      <h2 id={`survey-${survey.id}`}>{survey.question}</h2>
      <div className="nps" role="radiogroup" aria-label={t('Score from 0 (not at all likely) to 10 (extremely likely)')}>
        {Array.from({ length: 11 }, (_, n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={score === n}
            className="nps__score"
            onClick={() => setScore(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <div className="nps__legend muted small" aria-hidden="true">
        <span>{t('Not at all likely')}</span>
        <span>{t('Extremely likely')}</span>
      </div>
      {survey.commentEnabled && score !== null && (
        <TextAreaField id={`survey-${survey.id}-comment`} label={t('Anything you would like to add? (optional)')} value={comment} onValueChange={setComment} rows={2} maxLength={2000} />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <button
        type="button"
        className="button button--primary button--inline"
        disabled={score === null || respond.isPending}
        onClick={() =>
          score !== null && respond.mutate({ surveyId: survey.id ?? '', score, comment }, { onSuccess: onDone })
        }
      >
        {t('Send')}
      </button>
    </section>
  );
}
