import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Certification, TrainingCompletion, TrainingModule } from '@/lib/api/schema';
import { useCertifications, useTrainingModules } from '@/lib/api/training';
import { formatDate, formatPoints } from '@/lib/format';
import { quizKind } from '../api/quiz-kind';
import { useCompleteTraining } from '../api/training';
import { QuizForm } from './QuizForm';
import '../training.css';

const kRenewWithinDays = 60;

function daysUntil(timestamp: string, now = new Date()): number {
  return Math.floor((new Date(timestamp).getTime() - now.getTime()) / 86_400_000);
}

// The module catalog with what each one earns, and the user's certifications with their expiry
// and a prompt to renew those about to lapse.
export default function TrainingPage() {
  const { t } = useTranslation();
  const modules = useTrainingModules();
  const certifications = useCertifications({ includeExpired: true });
  return (
    <Page title={t('Training')} subtitle={t('Learn, earn points and badges, and keep your certifications current.')}>
      <QueryView query={certifications}>{(list) => <Certifications list={list} modules={modules.data ?? []} />}</QueryView>
      <QueryView query={modules}>
        {(list) => (
          <ul className="module-grid">
            {list.map((m) => (
              <ModuleCard key={m.id} module={m} />
            ))}
          </ul>
        )}
      </QueryView>
    </Page>
  );
}

function Certifications({ list, modules }: { list: Certification[]; modules: TrainingModule[] }) {
  const { t } = useTranslation();
  if (list.length === 0) return null;
  const moduleTitle = (id: string) => modules.find((m) => m.id === id)?.title ?? '';
  return (
    <Card title={t('Your certifications')} id="certifications">
      <ul className="cert-list">
        {list.map((c) => {
          const days = daysUntil(c.expireTime ?? '');
          const state = days < 0 ? 'expired' : days <= kRenewWithinDays ? 'expiring' : 'valid';
          return (
            <li key={`${c.userId}-${c.certificationCode}`} className={`cert cert--${state}`}>
              <div>
                <strong>{c.certificationCode}</strong>
                <span className="muted small block">
                  {c.userDisplayName} · {moduleTitle(c.moduleId ?? '')}
                </span>
              </div>
              <div className="cert__expiry">
                {state === 'expired' && <span className="pill pill--danger">{t('Expired {{date}}', { date: formatDate(c.expireTime) })}</span>}
                {state === 'expiring' && (
                  <span className="pill pill--warning" role="note">
                    {t('Expires in {{days}} days: renew it by completing {{module}} again', { days, module: moduleTitle(c.moduleId ?? '') })}
                  </span>
                )}
                {state === 'valid' && <span className="muted small">{t('Valid until {{date}}', { date: formatDate(c.expireTime) })}</span>}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function ModuleCard({ module }: { module: TrainingModule }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const complete = useCompleteTraining();
  const [takingQuiz, setTakingQuiz] = useState(false);
  const quiz = quizKind(module);
  // Certifications and LMS quizzes are the LMS's to record.
  const lmsOnly = !!module.certificationCode || quiz === 'lms';
  const error = complete.error instanceof ApiError ? complete.error : null;
  const celebrate = (c: TrainingCompletion) => {
    setTakingQuiz(false);
    const earned = c.firstCompletion && c.pointsAwarded !== '0';
    const values = { score: c.quizScore, points: formatPoints(c.pointsAwarded) };
    toasts.show(
      quiz === 'portal'
        ? earned
          ? t('You scored {{score}}%. Module completed: {{points}} points earned!', values)
          : t('You scored {{score}}%. Module completed', values)
        : earned
          ? t('Module completed: {{points}} points earned!', values)
          : t('Module completed'),
      'celebrate',
    );
  };
  return (
    <li className="card module" data-testid={`module-${module.id}`}>
      <h2>{module.title}</h2>
      <p className="muted">{module.description}</p>
      <ul className="module__facts">
        <li>{t('{{minutes}} minutes', { minutes: module.durationMinutes })}</li>
        {module.points && module.points !== '0' && <li className="module__reward">{t('{{points}} points', { points: formatPoints(module.points) })}</li>}
        {quiz !== 'none' && <li>{t('Quiz: pass with {{mark}}%', { mark: module.passMark })}</li>}
        {module.certificationCode && (
          <li>{t('Certification {{code}}, valid {{months}} months', { code: module.certificationCode, months: module.certificationValidMonths })}</li>
        )}
      </ul>
      {module.myLastCompletionTime && (
        <p className="badge-card__earned" role="status">
          {t('Completed {{date}}', { date: formatDate(module.myLastCompletionTime) })}
        </p>
      )}
      {lmsOnly ? (
        <p className="muted small">{t('Take this course in the learning platform; your completion and certification appear here automatically.')}</p>
      ) : module.myLastCompletionTime ? null : takingQuiz ? (
        <QuizForm module={module} onPassed={celebrate} onCancel={() => setTakingQuiz(false)} />
      ) : quiz === 'portal' ? (
        <button type="button" className="button button--primary button--inline" onClick={() => setTakingQuiz(true)}>
          {t('Take the quiz ({{count}} questions)', { count: module.quizQuestions?.length ?? 0 })}
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary button--inline"
          disabled={complete.isPending}
          onClick={() => complete.mutate({ moduleId: module.id ?? '' }, { onSuccess: celebrate })}
        >
          {t('Mark as completed')}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </li>
  );
}
