import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { ApiError } from '@/lib/api-client';
import type { PayoutRun } from '@/lib/api/schema';
import { formatDay, formatMoney } from '@/lib/format';
import { useCreatePayoutRun } from '../api/payouts';
import { totalsByCurrency } from '../api/totals';

interface Props {
  // Suggested first day (the day after the last run's period).
  defaultStart: string;
  defaultEnd: string;
  // "YYYY-MM-DD" today in UTC: the period must have ended before it.
  today: string;
}

type Phase = { step: 'edit' } | { step: 'confirm'; submissionKey: string } | { step: 'done'; run: PayoutRun };

// Finance: choose a period, read what the run will do, confirm once, and see the statements it
// made with their totals per currency.
export function PayoutRunForm({ defaultStart, defaultEnd, today }: Props) {
  const { t } = useTranslation();
  const create = useCreatePayoutRun();
  const [periodStart, setPeriodStart] = useState(defaultStart);
  const [periodEnd, setPeriodEnd] = useState(defaultEnd);
  const [phase, setPhase] = useState<Phase>({ step: 'edit' });
  const [checks, setChecks] = useState<Record<string, string>>({});
  // The idempotency key of the period under review: kept until a run is made, so that a retry
  // after an error or a lost answer gets the run the first request made.
  const runKey = useRef<{ period: string; key: string } | null>(null);
  // The key in flight: a confirmation is sent once, however often it is clicked.
  const sent = useRef<string | null>(null);
  const error = create.error instanceof ApiError ? create.error : null;

  const validate = () => {
    const found: Record<string, string> = {};
    if (!periodStart) found.period_start = t('Choose the first day of the period.');
    if (!periodEnd) found.period_end = t('Choose the last day of the period.');
    else if (periodEnd >= today) found.period_end = t('The period must have ended: choose a day before today (UTC).');
    else if (periodStart && periodEnd < periodStart) found.period_end = t('The last day cannot be before the first day.');
    setChecks(found);
    return Object.keys(found).length === 0;
  };

  const review = (e: FormEvent) => {
    e.preventDefault();
    create.reset();
    if (!validate()) return;
    const period = `${periodStart}/${periodEnd}`;
    if (runKey.current?.period !== period) runKey.current = { period, key: crypto.randomUUID() };
    setPhase({ step: 'confirm', submissionKey: runKey.current.key });
  };

  const confirm = (submissionKey: string) => {
    if (sent.current === submissionKey) return;
    sent.current = submissionKey;
    create.mutate(
      { periodStart, periodEnd, idempotencyKey: submissionKey },
      {
        onSuccess: (run) => {
          runKey.current = null;
          setPhase({ step: 'done', run });
        },
        onError: () => {
          sent.current = null;
          setPhase({ step: 'edit' });
        },
      },
    );
  };

  if (phase.step === 'done') return <PayoutRunResult run={phase.run} onAnother={() => setPhase({ step: 'edit' })} />;

  if (phase.step === 'confirm') {
    return (
      <div className="payout-confirm" data-testid="payout-run-confirm">
        <h3>{t('Create a payout run for {{start}} – {{end}}?', { start: formatDay(periodStart), end: formatDay(periodEnd) })}</h3>
        <ul>
          <li>{t('Every approved, unpaid payable entry posted up to and including {{end}} goes into a statement, one per partner and currency. Unpaid entries from before {{start}} carry over into this run.', { start: formatDay(periodStart), end: formatDay(periodEnd) })}</li>
          <li>{t('A partner whose net amount is not positive carries over to the next run.')}</li>
          <li>{t('Entries already in a statement are never included again.')}</li>
          <li>{t('Nothing is paid yet: each statement opens, and is paid when you mark it paid with the payment reference.')}</li>
        </ul>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary button--inline"
            disabled={create.isPending}
            onClick={() => confirm(phase.submissionKey)}
          >
            {create.isPending ? t('Creating payout run…') : t('Create payout run')}
          </button>
          <button type="button" className="button button--ghost" disabled={create.isPending} onClick={() => setPhase({ step: 'edit' })}>
            {t('Back')}
          </button>
        </div>
      </div>
    );
  }

  const field = (name: string) => checks[name] ?? error?.fieldError(name);
  const leftOver = error?.fieldViolations.filter((v) => v.field !== 'period_start' && v.field !== 'period_end') ?? [];
  return (
    <form className="form" onSubmit={review} noValidate>
      <p className="muted">
        {t('A payout run groups approved, unpaid money per partner and currency into statements that you then pay.')}
      </p>
      <div className="form__grid">
        <InputField id="period-start" label={t('Period from')} type="date" value={periodStart} onValueChange={setPeriodStart} error={field('period_start')} />
        <InputField
          id="period-end"
          label={t('Period to (inclusive)')}
          type="date"
          value={periodEnd}
          max={today}
          onValueChange={setPeriodEnd}
          error={field('period_end')}
          hint={t('A day that has ended (UTC).')}
        />
      </div>
      {error && (error.fieldViolations.length === 0 || leftOver.length > 0) && (
        <div className="form-error" role="alert">
          {error.code === 10 ? t('Another payout run was being made at the same time. Review and try again.') : error.message}
          {leftOver.length > 0 && (
            <ul>
              {leftOver.map((v, i) => (
                <li key={`${v.field}:${i}`}>
                  {v.field}: {v.description}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline">
          {t('Review payout run')}
        </button>
      </div>
    </form>
  );
}

function PayoutRunResult({ run, onAnother }: { run: PayoutRun; onAnother: () => void }) {
  const { t } = useTranslation();
  const statements = run.statements ?? [];
  const totals = totalsByCurrency(statements);
  return (
    <div className="payout-result" data-testid="payout-run-result" role="status">
      <p className="notice notice--success">
        {t('Payout run {{id}} for {{start}} – {{end}} made {{count}} statements.', {
          id: run.id,
          start: formatDay(run.periodStart),
          end: formatDay(run.periodEnd),
          count: statements.length,
        })}
      </p>
      {statements.length === 0 ? (
        <p>{t('There was no unpaid money to pay out up to this date. Nothing changed.')}</p>
      ) : (
        <>
          <div className="stat-row">
            {totals.map((c) => (
              <div key={c.currencyCode} className="stat">
                <span className="stat__label">{t('To pay in {{currency}}', { currency: c.currencyCode })}</span>
                <span className="stat__value">{formatMoney(c.total, c.currencyCode)}</span>
                <span className="muted small">{t('{{count}} statements', { count: c.count })}</span>
              </div>
            ))}
          </div>
          <ul className="payout-result__list">
            {statements.map((s) => (
              <li key={s.id}>
                <Link to={`/statements/${s.id}`}>{t('Statement {{id}}', { id: s.id })}</Link> · {s.partnerName} ·{' '}
                <strong>{formatMoney(s.total, s.currencyCode)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button--ghost button--inline" onClick={onAnother}>
        {t('Start another payout run')}
      </button>
    </div>
  );
}
