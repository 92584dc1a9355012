import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { useChallenges } from '@/lib/api/challenges';
import { labelOf, type ChallengeGoalKind, type Known } from '@/lib/api/enums';
import { usePrograms } from '@/lib/api/programs';
import type { Challenge } from '@/lib/api/schema';
import { decimalInput } from '@/lib/decimal-input';
import { formatDateTime, formatMoney, formatNumber, formatPoints } from '@/lib/format';
import { useCreateChallenge } from '../api/engagement';
import { AudienceFields, audienceOf, audienceText, emptyAudience, isoToLocal, localToIso, type AudienceDraft } from './setup-fields';

export const GOAL_KIND_LABELS: Record<Known<ChallengeGoalKind>, string> = {
  CHALLENGE_GOAL_KIND_APPROVED_CLAIMS: 'Approved claims',
  CHALLENGE_GOAL_KIND_SALES: 'Approved sales',
  CHALLENGE_GOAL_KIND_PRODUCT_UNITS: 'Units of a product',
  CHALLENGE_GOAL_KIND_MODULES_COMPLETED: 'Training modules completed',
  CHALLENGE_GOAL_KIND_POINTS: 'Points earned',
};

type Phase = 'active' | 'upcoming' | 'ended';

export function phaseOf(c: Pick<Challenge, 'startTime' | 'endTime'>, now: Date): Phase {
  if (new Date(c.endTime ?? '') <= now) return 'ended';
  if (new Date(c.startTime ?? '') > now) return 'upcoming';
  return 'active';
}

function goalText(c: Challenge, t: (k: string, o?: Record<string, unknown>) => string) {
  const g = c.goal ?? {};
  switch (g.kind) {
    case 'CHALLENGE_GOAL_KIND_SALES':
      return t('{{amount}} of approved sales', { amount: formatMoney(g.target, g.currencyCode) });
    case 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS':
      return t('{{count}} units of {{sku}}', { count: formatNumber(g.target), sku: g.sku });
    case 'CHALLENGE_GOAL_KIND_POINTS':
      return t('{{points}} points', { points: formatPoints(g.target) });
    default:
      return `${formatNumber(g.target)} ${t(labelOf(GOAL_KIND_LABELS, g.kind) ?? 'Unknown').toLowerCase()}`;
  }
}

// Challenges by phase, and a form for a new one (program admins).
export function ChallengesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const challenges = useChallenges(true);
  const programs = usePrograms();
  const [creating, setCreating] = useState(false);
  const now = new Date();
  const phases: Array<{ id: Phase; title: string; empty: string }> = [
    { id: 'active', title: t('Running'), empty: t('No challenges are running.') },
    { id: 'upcoming', title: t('Upcoming'), empty: t('No upcoming challenges.') },
    { id: 'ended', title: t('Ended'), empty: t('No challenges have ended.') },
  ];
  const programName = (id: string) => (id === '0' ? t('All programs') : (programs.data?.find((p) => p.id === id)?.name ?? `#${id}`));
  return (
    <>
      {canEdit && !creating && (
        <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
          {t('New challenge')}
        </button>
      )}
      {creating && <ChallengeForm onDone={() => setCreating(false)} />}
      <QueryView query={challenges}>
        {(list) => (
          <>
            {phases.map((phase) => {
              const items = list.filter((c) => phaseOf(c, now) === phase.id);
              return (
                <Card key={phase.id} title={`${phase.title} (${items.length})`} id={`challenges-${phase.id}`}>
                  {items.length === 0 ? (
                    <Empty>{phase.empty}</Empty>
                  ) : (
                    <table className="table table--cards">
                      <thead>
                        <tr>
                          <th scope="col">{t('Challenge')}</th>
                          <th scope="col">{t('Goal')}</th>
                          <th scope="col">{t('Window')}</th>
                          <th scope="col" className="num">
                            {t('Reward')}
                          </th>
                          <th scope="col" className="num">
                            {t('Completed by')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((c) => (
                          <tr key={c.id}>
                            <td data-label={t('Challenge')}>
                              <div>
                                <strong>{c.title}</strong>
                                <span className="muted small block">
                                  {programName(c.programId ?? '')} · {audienceText(c.audience, t)}
                                </span>
                              </div>
                            </td>
                            <td data-label={t('Goal')}>{goalText(c, t)}</td>
                            <td data-label={t('Window')}>
                              {formatDateTime(c.startTime)} – {formatDateTime(c.endTime)}
                            </td>
                            <td className="num" data-label={t('Reward')}>
                              {c.rewardPoints && c.rewardPoints !== '0' ? t('{{points}} points', { points: formatPoints(c.rewardPoints) }) : '—'}
                              {c.rewardBadgeId && c.rewardBadgeId !== '0' && <span className="pill pill--info">{t('Badge')}</span>}
                            </td>
                            <td className="num" data-label={t('Completed by')}>
                              {formatNumber(c.completions || '0')}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </Card>
              );
            })}
          </>
        )}
      </QueryView>
    </>
  );
}

const kShown = new Set(['title', 'description', 'start_time', 'end_time', 'program_id', 'goal.kind', 'goal.target', 'goal.currency_code', 'goal.sku', 'reward_points'].map((f) => `challenge.${f}`));

function ChallengeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateChallenge();
  const programs = usePrograms();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [start, setStart] = useState(() => isoToLocal(new Date()));
  const [end, setEnd] = useState(() => isoToLocal(new Date(Date.now() + 30 * 86_400_000)));
  const [programId, setProgramId] = useState('0');
  const [audience, setAudience] = useState<AudienceDraft>(emptyAudience);
  const [kind, setKind] = useState<ChallengeGoalKind>('CHALLENGE_GOAL_KIND_APPROVED_CLAIMS');
  const [target, setTarget] = useState('');
  const [currencyCode, setCurrencyCode] = useState('EUR');
  const [sku, setSku] = useState('');
  const [rewardPoints, setRewardPoints] = useState('');
  const apiError = create.error instanceof ApiError ? create.error : null;
  const field = (name: string) => apiError?.fieldError(`challenge.${name}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title: title.trim(),
        description: description.trim(),
        startTime: localToIso(start) as string,
        endTime: localToIso(end) as string,
        programId,
        audience: audienceOf(audience),
        goal: {
          kind,
          target: decimalInput(target),
          currencyCode: kind === 'CHALLENGE_GOAL_KIND_SALES' ? currencyCode.trim().toUpperCase() : '',
          sku: kind === 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS' ? sku.trim() : '',
        },
        rewardPoints: rewardPoints.trim(),
      },
      {
        onSuccess: (c) => {
          toasts.show(t('Challenge {{title}} created', { title: c.title }), 'success');
          onDone();
        },
      },
    );
  };
  const kindOptions = (Object.keys(GOAL_KIND_LABELS) as Array<Known<ChallengeGoalKind>>).map((k) => ({ value: k, label: t(GOAL_KIND_LABELS[k]) }));
  return (
    <Card title={t('New challenge')} id="new-challenge">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form__grid">
          <InputField id="challenge-title" label={t('Title')} value={title} onValueChange={setTitle} maxLength={120} error={field('title')} />
          <SelectField
            id="challenge-program"
            label={t('Program')}
            value={programId}
            onValueChange={setProgramId}
            options={[{ value: '0', label: t('All programs') }, ...(programs.data ?? []).map((p) => ({ value: p.id ?? '', label: p.name ?? '' }))]}
            hint={t('A program’s challenge is for its enrolled partners only')}
            error={field('program_id')}
          />
          {/* Times are entered in the browser's time zone and sent as instants. */}
          <InputField id="challenge-start" label={t('Starts')} type="datetime-local" value={start} onValueChange={setStart} error={field('start_time')} />
          <InputField id="challenge-end" label={t('Ends')} type="datetime-local" value={end} onValueChange={setEnd} error={field('end_time')} />
        </div>
        <TextAreaField id="challenge-description" label={t('Description')} value={description} onValueChange={setDescription} rows={2} maxLength={2000} error={field('description')} />
        <fieldset className="form__section">
          <legend>{t('Goal and reward')}</legend>
          <div className="form__grid">
            <SelectField id="challenge-goal-kind" label={t('Goal')} value={kind} onValueChange={(v) => setKind(v as ChallengeGoalKind)} options={kindOptions} error={field('goal.kind')} />
            <InputField
              id="challenge-target"
              label={kind === 'CHALLENGE_GOAL_KIND_SALES' ? t('Sales of at least') : t('Target')}
              inputMode={kind === 'CHALLENGE_GOAL_KIND_SALES' ? 'decimal' : 'numeric'}
              value={target}
              onValueChange={setTarget}
              error={field('goal.target')}
            />
            {kind === 'CHALLENGE_GOAL_KIND_SALES' && (
              <InputField id="challenge-currency" label={t('Currency')} value={currencyCode} onValueChange={setCurrencyCode} maxLength={3} error={field('goal.currency_code')} />
            )}
            {kind === 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS' && <InputField id="challenge-sku" label={t('Product SKU')} value={sku} onValueChange={setSku} maxLength={64} error={field('goal.sku')} />}
            <InputField
              id="challenge-reward"
              label={t('Reward points')}
              inputMode="numeric"
              value={rewardPoints}
              onValueChange={setRewardPoints}
              hint={t('Whole points for each participant who reaches the goal; empty for none')}
              error={field('reward_points')}
            />
          </div>
          <p className="muted small">{t('A badge for completing it is a badge with the criterion “Completed a challenge” (Badges & levels).')}</p>
        </fieldset>
        <AudienceFields idPrefix="challenge" value={audience} onChange={setAudience} error={apiError} path="challenge" />
        <FormErrors error={create.error} shown={(f) => kShown.has(f) || f.startsWith('challenge.audience')} />
        <FormActions pending={create.isPending} submitLabel={t('Create challenge')} pendingLabel={t('Creating…')} onCancel={onDone} />
      </form>
    </Card>
  );
}
