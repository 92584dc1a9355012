import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveButton, ArchiveError, ArchivedPill, ShowArchived } from '@/components/Archiving';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type ChallengeGoalKind, type Known } from '@/lib/api/enums';
import { usePrograms } from '@/lib/api/programs';
import type { Challenge } from '@/lib/api/schema';
import { formatDateTime, formatMoney, formatNumber, formatPoints } from '@/lib/format';
import { useChallengeSetupList, useCreateChallenge, useUpdateChallenge } from '../api/engagement';
import { challengeDraftOf, challengeEditMask, challengeOfDraft, challengeStarted, newChallengeDraft, type ChallengeDraft } from './challenge-draft';
import { AudienceFields, audienceText } from './setup-fields';

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

// Challenges by phase, and forms for a new one and for editing one; archiving and restoring
// (program admins).
export function ChallengesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [showArchived, setShowArchived] = useState(false);
  const challenges = useChallengeSetupList(showArchived);
  const programs = usePrograms();
  const update = useUpdateChallenge();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Challenge | null>(null);
  const now = new Date();
  const phases: Array<{ id: Phase; title: string; empty: string }> = [
    { id: 'active', title: t('Running'), empty: t('No challenges are running.') },
    { id: 'upcoming', title: t('Upcoming'), empty: t('No upcoming challenges.') },
    { id: 'ended', title: t('Ended'), empty: t('No challenges have ended.') },
  ];
  const programName = (id: string) => (id === '0' ? t('All programs') : (programs.data?.find((p) => p.id === id)?.name ?? `#${id}`));
  const setArchived = (c: Challenge, archived: boolean) =>
    update.mutate(
      { challenge: { id: c.id, etag: c.etag, archived }, mask: ['archived'] },
      {
        onSuccess: () =>
          toasts.show(archived ? t('Challenge {{title}} archived', { title: c.title }) : t('Challenge {{title}} restored', { title: c.title }), 'success'),
      },
    );
  return (
    <>
      <div className="setup-toolbar">
        {canEdit && !creating && !editing && (
          <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
            {t('New challenge')}
          </button>
        )}
        <ShowArchived id="challenges-show-archived" checked={showArchived} onChange={setShowArchived} />
      </div>
      {creating && <ChallengeForm onDone={() => setCreating(false)} />}
      {editing && <ChallengeForm key={editing.id} editing={editing} onDone={() => setEditing(null)} />}
      <ArchiveError error={update.error} />
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
                          {canEdit && (
                            <th scope="col">
                              <span className="visually-hidden">{t('Actions')}</span>
                            </th>
                          )}
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((c) => (
                          <tr key={c.id}>
                            <td data-label={t('Challenge')}>
                              <div>
                                <strong>{c.title}</strong> {c.archived && <ArchivedPill />}
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
                            {canEdit && (
                              <td>
                                <button
                                  type="button"
                                  className="button button--ghost button--small"
                                  onClick={() => {
                                    setCreating(false);
                                    setEditing(c);
                                  }}
                                  aria-label={t('Edit {{name}}', { name: c.title })}
                                >
                                  {t('Edit')}
                                </button>
                                <ArchiveButton archived={!!c.archived} name={c.title ?? ''} pending={update.isPending} onToggle={(archived) => setArchived(c, archived)} />
                              </td>
                            )}
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

// A new challenge, or `editing` prefilled: once it has started, what it asks and who takes part
// are shown but fixed.
function ChallengeForm({ editing, onDone }: { editing?: Challenge; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateChallenge();
  const update = useUpdateChallenge();
  const mutation = editing ? update : create;
  const programs = usePrograms();
  const [draft, setDraft] = useState<ChallengeDraft>(() => (editing ? challengeDraftOf(editing) : newChallengeDraft(new Date())));
  const [unchanged, setUnchanged] = useState(false);
  const set = (change: Partial<ChallengeDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setUnchanged(false);
  };
  // Fixed once started (the server refuses a change).
  const [started] = useState(() => !!editing && challengeStarted(editing, new Date()));
  const fixedReason = started ? t('The challenge has started: its goal, audience, program and start are fixed.') : undefined;
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const field = (name: string) => apiError?.fieldError(`challenge.${name}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) {
      create.mutate(challengeOfDraft(draft), {
        onSuccess: (c) => {
          toasts.show(t('Challenge {{title}} created', { title: c.title }), 'success');
          onDone();
        },
      });
      return;
    }
    const mask = challengeEditMask(editing, draft);
    if (mask.length === 0) {
      setUnchanged(true);
      return;
    }
    update.mutate(
      { challenge: { ...challengeOfDraft(draft), id: editing.id, etag: editing.etag }, mask },
      {
        onSuccess: (c) => {
          toasts.show(t('Challenge {{title}} saved', { title: c.title }), 'success');
          onDone();
        },
      },
    );
  };
  const kindOptions = (Object.keys(GOAL_KIND_LABELS) as Array<Known<ChallengeGoalKind>>).map((k) => ({ value: k, label: t(GOAL_KIND_LABELS[k]) }));
  const { kind } = draft;
  return (
    <Card title={editing ? t('Edit challenge {{title}}', { title: editing.title }) : t('New challenge')} id={editing ? 'edit-challenge' : 'new-challenge'}>
      <form className="form" onSubmit={submit} noValidate>
        {fixedReason && <p className="muted small">{fixedReason}</p>}
        <div className="form__grid">
          <InputField id="challenge-title" label={t('Title')} value={draft.title} onValueChange={(title) => set({ title })} maxLength={120} error={field('title')} />
          <SelectField
            id="challenge-program"
            label={t('Program')}
            value={draft.programId}
            onValueChange={(programId) => set({ programId })}
            options={[{ value: '0', label: t('All programs') }, ...(programs.data ?? []).map((p) => ({ value: p.id ?? '', label: p.name ?? '' }))]}
            disabled={started}
            hint={t('A program’s challenge is for its enrolled partners only')}
            error={field('program_id')}
          />
          {/* Times are entered in the browser's time zone and sent as instants. */}
          <InputField
            id="challenge-start"
            label={t('Starts')}
            type="datetime-local"
            value={draft.start}
            onValueChange={(start) => set({ start })}
            readOnly={started}
            hint={editing && !started ? t('Not in the past') : undefined}
            error={field('start_time')}
          />
          <InputField
            id="challenge-end"
            label={t('Ends')}
            type="datetime-local"
            value={draft.end}
            onValueChange={(end) => set({ end })}
            hint={editing ? t('Not in the past') : undefined}
            error={field('end_time')}
          />
        </div>
        <TextAreaField
          id="challenge-description"
          label={t('Description')}
          value={draft.description}
          onValueChange={(description) => set({ description })}
          rows={2}
          maxLength={2000}
          error={field('description')}
        />
        <fieldset className="form__section">
          <legend>{t('Goal and reward')}</legend>
          <div className="form__grid">
            <SelectField
              id="challenge-goal-kind"
              label={t('Goal')}
              value={kind}
              onValueChange={(v) => set({ kind: v as ChallengeGoalKind })}
              options={kindOptions}
              disabled={started}
              error={field('goal.kind')}
            />
            <InputField
              id="challenge-target"
              label={kind === 'CHALLENGE_GOAL_KIND_SALES' ? t('Sales of at least') : t('Target')}
              inputMode={kind === 'CHALLENGE_GOAL_KIND_SALES' ? 'decimal' : 'numeric'}
              value={draft.target}
              onValueChange={(target) => set({ target })}
              readOnly={started}
              error={field('goal.target')}
            />
            {kind === 'CHALLENGE_GOAL_KIND_SALES' && (
              <InputField
                id="challenge-currency"
                label={t('Currency')}
                value={draft.currencyCode}
                onValueChange={(currencyCode) => set({ currencyCode })}
                maxLength={3}
                readOnly={started}
                error={field('goal.currency_code')}
              />
            )}
            {kind === 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS' && (
              <InputField id="challenge-sku" label={t('Product SKU')} value={draft.sku} onValueChange={(sku) => set({ sku })} maxLength={64} readOnly={started} error={field('goal.sku')} />
            )}
            <InputField
              id="challenge-reward"
              label={t('Reward points')}
              inputMode="numeric"
              value={draft.rewardPoints}
              onValueChange={(rewardPoints) => set({ rewardPoints })}
              hint={
                editing
                  ? t('Counts for completions from now on; completions made keep their points')
                  : t('Whole points for each participant who reaches the goal; empty for none')
              }
              error={field('reward_points')}
            />
          </div>
          <p className="muted small">{t('A badge for completing it is a badge with the criterion “Completed a challenge” (Badges & levels).')}</p>
        </fieldset>
        <AudienceFields idPrefix="challenge" value={draft.audience} onChange={(audience) => set({ audience })} error={apiError} path="challenge" fixed={fixedReason} />
        <FormErrors error={mutation.error} shown={(f) => kShown.has(f) || f.startsWith('challenge.audience')} />
        {unchanged && (
          <p className="muted" role="status">
            {t('Nothing changed.')}
          </p>
        )}
        <FormActions
          pending={mutation.isPending}
          submitLabel={editing ? t('Save changes') : t('Create challenge')}
          pendingLabel={editing ? t('Saving…') : t('Creating…')}
          onCancel={onDone}
        />
      </form>
    </Card>
  );
}
