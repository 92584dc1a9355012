import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { formatDateTime } from '@/lib/format';
import { useSurveyResults, useSurveys } from '../api/engagement';
import { SurveyResultsView } from './SurveyResultsView';
import '../engagement.css';

// For partner admins: the results of the surveys their organisation was asked, counting their
// own organisation's responses only (the server limits them to it).
export function PartnerSurveyResults({ partnerName }: { partnerName: string }) {
  const { t } = useTranslation();
  const surveys = useSurveys(false);
  const [selected, setSelected] = useState<string | null>(null);
  const now = new Date();
  // Those that have opened: a scheduled one has no responses yet.
  const opened = (surveys.data ?? []).filter((s) => new Date(s.openTime ?? '') <= now);
  if (opened.length === 0) return null;
  return (
    <Card title={t('Survey results for {{partner}}', { partner: partnerName })} id="partner-survey-results">
      <p className="muted small">{t('Only the responses of your organisation are counted.')}</p>
      <ul className="survey-results-list">
        {opened.map((s) => (
          <li key={s.id}>
            <div>
              <strong>{s.title}</strong>
              <span className="muted small block">
                {formatDateTime(s.openTime)} – {formatDateTime(s.closeTime)}
              </span>
            </div>
            <button
              type="button"
              className="button button--ghost button--small"
              aria-pressed={selected === s.id}
              onClick={() => setSelected(selected === s.id ? null : (s.id ?? null))}
            >
              {selected === s.id ? t('Hide results') : t('Show results')}
              <span className="visually-hidden"> · {s.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected && <OwnResults surveyId={selected} />}
    </Card>
  );
}

function OwnResults({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const results = useSurveyResults(surveyId);
  return (
    <section className="partner-survey-results" aria-label={results.data ? t('Results: {{title}}', { title: results.data.survey?.title }) : t('Results')}>
      <QueryView query={results}>{(data) => <SurveyResultsView results={data} />}</QueryView>
    </section>
  );
}
