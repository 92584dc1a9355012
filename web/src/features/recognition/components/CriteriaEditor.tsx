import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import type { Challenge, Leaderboard, TrainingModule } from '@/lib/api/schema';
import {
  CALENDAR_PERIOD_LABELS,
  COUNTABLE_EVENT_LABELS,
  CRITERION_KIND_LABELS,
  METRIC_LABELS,
  type CriteriaDraft,
  type CriterionKind,
} from './criteria-draft';

interface CriteriaEditorProps {
  draft: CriteriaDraft;
  onChange: (draft: CriteriaDraft) => void;
  // The error for a field path under "badge.criteria." (e.g. "event_count.count").
  error: (field: string) => string | undefined;
  leaderboards: Leaderboard[];
  modules: TrainingModule[];
  challenges: Challenge[];
}

// One badge criterion, of any kind recognition.proto defines: the kind first, then its fields.
export function CriteriaEditor({ draft, onChange, error, leaderboards, modules, challenges }: CriteriaEditorProps) {
  const { t } = useTranslation();
  const set = (change: Partial<CriteriaDraft>) => onChange({ ...draft, ...change });
  const options = <K extends string>(labels: Partial<Record<K, string>>) =>
    (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label: t(label) }));
  const eventOptions = options(COUNTABLE_EVENT_LABELS);
  // Placement badges go to users for a closed period: individual boards with periods only.
  const placementBoards = leaderboards.filter((b) => b.scope === 'LEADERBOARD_SCOPE_INDIVIDUAL' && b.period !== 'LEADERBOARD_PERIOD_ALL_TIME');
  const choose = (items: Array<{ value: string; label: string }>) => [{ value: '', label: t('Choose…') }, ...items];

  return (
    <fieldset className="form__section criteria-editor">
      <legend>{t('Criteria')}</legend>
      <div className="form__grid">
        <SelectField
          id="criterion-kind"
          label={t('Earned for')}
          value={draft.kind}
          onValueChange={(v) => set({ kind: v as CriterionKind })}
          options={options(CRITERION_KIND_LABELS)}
          error={error('') ?? undefined}
        />
        {draft.kind === 'eventCount' && (
          <>
            <SelectField id="criterion-event" label={t('Event')} value={draft.event} onValueChange={(v) => set({ event: v as CriteriaDraft['event'] })} options={eventOptions} error={error('event_count.event')} />
            <InputField id="criterion-count" label={t('How many times')} inputMode="numeric" value={draft.count} onValueChange={(count) => set({ count })} hint={t('1 to 1,000,000, ever')} error={error('event_count.count')} />
          </>
        )}
        {draft.kind === 'periodSum' && (
          <>
            <SelectField id="criterion-metric" label={t('What adds up')} value={draft.metric} onValueChange={(v) => set({ metric: v as CriteriaDraft['metric'] })} options={options(METRIC_LABELS)} error={error('period_sum.metric')} />
            {draft.metric === 'RECOGNITION_METRIC_SALES' && (
              <InputField id="criterion-currency" label={t('Currency')} value={draft.currencyCode} onValueChange={(currencyCode) => set({ currencyCode })} maxLength={3} autoCapitalize="characters" error={error('period_sum.currency_code')} />
            )}
            <SelectField id="criterion-period" label={t('Within one')} value={draft.period} onValueChange={(v) => set({ period: v as CriteriaDraft['period'] })} options={options(CALENDAR_PERIOD_LABELS)} error={error('period_sum.period')} />
            <InputField
              id="criterion-threshold"
              label={draft.metric === 'RECOGNITION_METRIC_SALES' ? t('Sales of at least') : t('Points of at least')}
              inputMode="decimal"
              value={draft.threshold}
              onValueChange={(threshold) => set({ threshold })}
              error={error('period_sum.threshold')}
            />
          </>
        )}
        {draft.kind === 'certification' && (
          <InputField
            id="criterion-certification"
            label={t('Certification code')}
            value={draft.certificationCode}
            onValueChange={(certificationCode) => set({ certificationCode })}
            maxLength={64}
            hint={t('Lower-case letters, digits, - and _, e.g. storage-expert')}
            error={error('certification.certification_code')}
          />
        )}
        {draft.kind === 'placement' && (
          <>
            <SelectField
              id="criterion-leaderboard"
              label={t('Leaderboard')}
              value={draft.leaderboardId}
              onValueChange={(leaderboardId) => set({ leaderboardId })}
              options={choose(placementBoards.map((b) => ({ value: b.id ?? '', label: b.name ?? '' })))}
              hint={t('Individual boards with periods')}
              error={error('placement.leaderboard_id')}
            />
            <InputField id="criterion-top" label={t('Finish in the top')} inputMode="numeric" value={draft.top} onValueChange={(top) => set({ top })} hint={t('1 to 1,000')} error={error('placement.top')} />
          </>
        )}
        {draft.kind === 'streak' && (
          <>
            <SelectField id="criterion-streak-event" label={t('Event')} value={draft.streakEvent} onValueChange={(v) => set({ streakEvent: v as CriteriaDraft['streakEvent'] })} options={eventOptions} error={error('streak.event')} />
            <InputField id="criterion-months" label={t('Months in a row')} inputMode="numeric" value={draft.months} onValueChange={(months) => set({ months })} hint={t('2 to 120')} error={error('streak.months')} />
          </>
        )}
        {draft.kind === 'moduleCompleted' && (
          <SelectField
            id="criterion-module"
            label={t('Training module')}
            value={draft.moduleId}
            onValueChange={(moduleId) => set({ moduleId })}
            options={choose(modules.map((m) => ({ value: m.id ?? '', label: m.title ?? '' })))}
            error={error('module_completed.module_id')}
          />
        )}
        {draft.kind === 'challengeCompleted' && (
          <SelectField
            id="criterion-challenge"
            label={t('Challenge')}
            value={draft.challengeId}
            onValueChange={(challengeId) => set({ challengeId })}
            options={choose(challenges.map((c) => ({ value: c.id ?? '', label: c.title ?? '' })))}
            error={error('challenge_completed.challenge_id')}
          />
        )}
      </div>
    </fieldset>
  );
}
