import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { Card, Page } from '@/components/Page';
import { ErrorMessage, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Known, PartnerType, ProgramPeriod } from '@/lib/api/enums';
import { useProgram } from '@/lib/api/programs';
import type { Program } from '@/lib/api/schema';
import { useTierLadder } from '@/lib/api/tiers';
import { useTrainingModules } from '@/lib/api/training';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { usePrincipal } from '@/lib/principal';
import { useCreateProgram, useUpdateProgram } from '../api/programs';
import { PROGRAM_PERIOD_LABELS } from '../labels';
import { PartnerPicker, SkuPicker } from './Pickers';
import { changedPaths, draftFromProgram, draftToApi, emptyDraft, ProgramErrors, type ProgramDraft } from './program-draft';
import { RemoveRowButton } from './ProgramBits';
import { RuleEditor } from './RuleEditor';
import { SimulationPanel } from './SimulationPanel';
import '../programs.css';

// /programs/new and /programs/:programId/edit: every field of a program and its rules, with a
// what-if simulation of the edited rules (program admins).
export default function ProgramEditorPage() {
  const { t } = useTranslation();
  const { programId } = useParams();
  const principal = usePrincipal();
  const program = useProgram(programId);
  const [generation, setGeneration] = useState(0);
  const title = programId ? t('Edit program') : t('New program');

  if (principal.role !== 'ROLE_PROGRAM_ADMIN') {
    return (
      <Page title={title}>
        <p className="state state--error" role="alert">
          {t('Only program admins can create and edit programs.')}
        </p>
        <Link to={programId ? `/programs/${programId}` : '/programs'}>{t('Back to programs')}</Link>
      </Page>
    );
  }
  if (!programId) return <ProgramEditor title={title} />;
  return (
    <QueryView query={program}>
      {(p) =>
        p.status === 'PROGRAM_STATUS_CLOSED' ? (
          <Page title={title}>
            <p className="state state--empty">{t('This program is closed and can no longer change.')}</p>
            <Link to={`/programs/${p.id}`}>{t('Back to the program')}</Link>
          </Page>
        ) : (
          <ProgramEditor
            key={`${p.id}-${generation}`}
            title={title}
            original={p}
            onReload={async () => {
              await program.refetch();
              setGeneration((g) => g + 1);
            }}
          />
        )
      }
    </QueryView>
  );
}

const kPartnerTypes = Object.keys(PARTNER_TYPE_LABELS) as Array<Known<PartnerType>>;

interface EditorProps {
  title: string;
  original?: Program;
  onReload?: () => void;
}

export function ProgramEditor({ title, original: loaded, onReload }: EditorProps) {
  const { t } = useTranslation();
  // The version the edit started from: a refetch must not move the etag or the changed fields
  // under the user (a save over someone else's change is then refused, not silently merged).
  const [original] = useState(loaded);
  const toasts = useToasts();
  const navigate = useNavigate();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const ladder = useTierLadder();
  const modules = useTrainingModules();
  const [draft, setDraft] = useState<ProgramDraft>(() => (original ? draftFromProgram(original) : emptyDraft()));
  const [error, setError] = useState<unknown>(null);
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);
  const apiError = error instanceof ApiError ? error : null;
  const errors = useMemo(() => new ProgramErrors(apiError, sentKeys, ['history_start', 'history_end']), [apiError, sentKeys]);
  const unmatched = errors.unmatched(draft);
  const stale = apiError !== null && (apiError.code === 10 || apiError.httpStatus === 409);
  const draftStatus = !original || original.status === 'PROGRAM_STATUS_DRAFT';
  const saving = create.isPending || update.isPending;
  const set = <K extends keyof ProgramDraft>(field: K, value: ProgramDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const changes = () => {
    const program = draftToApi(draft);
    setSentKeys(draft.rules.map((r) => r.key));
    return { program, mask: original ? changedPaths(original, program) : [] };
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.name.trim()) {
      setNameMissing(true);
      document.getElementById('program-name')?.focus();
      return;
    }
    setNameMissing(false);
    setError(null);
    const { program, mask } = changes();
    if (!original) {
      create.mutate(program, {
        onSuccess: (saved) => {
          toasts.show(t('Draft “{{name}}” created. You can simulate it now.', { name: saved.name }), 'success');
          navigate(`/programs/${saved.id}/edit`, { replace: true });
        },
        onError: setError,
      });
      return;
    }
    if (mask.length === 0) {
      toasts.show(t('Nothing has changed.'));
      return;
    }
    update.mutate(
      { program: { ...program, id: original.id ?? '', etag: original.etag ?? '' }, mask },
      {
        onSuccess: (saved) => {
          toasts.show(
            saved.rulesVersion !== original.rulesVersion
              ? t('Saved. The rules are now version {{version}}.', { version: saved.rulesVersion })
              : t('Saved.'),
            'success',
          );
          navigate(`/programs/${saved.id}`);
        },
        onError: setError,
      },
    );
  };

  const tierCodes = [...new Set([...(ladder.data?.tiers ?? []).flatMap((tier) => (tier.code ? [tier.code] : [])), ...draft.tiers])];
  const certificationCodes = [
    ...new Set([...(modules.data ?? []).flatMap((m) => (m.certificationCode ? [m.certificationCode] : [])), ...draft.requiredCertifications]),
  ];
  const toggle = (values: string[], value: string) => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  const ruleNames = Object.fromEntries(draft.rules.map((r) => [r.id, r.name || r.id]));
  const fixedHint = draftStatus ? undefined : t('Fixed once the program has been active.');

  return (
    <Page
      title={title}
      subtitle={original ? original.name : t('A new program starts as a draft that partners cannot see.')}
      actions={
        original && (
          <Link className="button button--ghost" to={`/programs/${original.id}`}>
            {t('Back to the program')}
          </Link>
        )
      }
    >
      <form className="form program-editor" onSubmit={submit} noValidate aria-label={title}>
        {original && !draftStatus && (
          <p className="program-notice" role="note">
            {t(
              'This program is published. Saving changed rules creates rules version {{version}}: rewards already computed keep the version they were computed with, new claims use the new one. Changed terms become a new terms version.',
              { version: (original.rulesVersion ?? 0) + 1 },
            )}
          </p>
        )}
        <Card title={t('About the program')} id="program-basics">
          <InputField
            id="program-name"
            label={t('Name')}
            value={draft.name}
            onValueChange={(v) => set('name', v)}
            maxLength={200}
            required
            error={nameMissing ? t('Enter a name.') : errors.at('name')}
          />
          <TextAreaField
            id="program-description"
            label={t('Description')}
            value={draft.description}
            onValueChange={(v) => set('description', v)}
            rows={3}
            maxLength={5000}
            error={errors.at('description')}
          />
          <TextAreaField
            id="program-objectives"
            label={t('Objectives')}
            value={draft.objectives}
            onValueChange={(v) => set('objectives', v)}
            rows={3}
            maxLength={5000}
            error={errors.at('objectives')}
          />
        </Card>

        <Card title={t('Budget and dates')} id="program-money">
          <div className="form__grid">
            <InputField
              id="program-currency"
              label={t('Currency')}
              value={draft.currencyCode}
              onValueChange={(v) => set('currencyCode', v.toUpperCase())}
              maxLength={3}
              disabled={!draftStatus}
              hint={fixedHint ?? t('ISO code, e.g. EUR')}
              error={errors.at('currency_code')}
            />
            <InputField
              id="program-budget"
              label={t('Budget')}
              inputMode="decimal"
              value={draft.budget}
              onValueChange={(v) => set('budget', v)}
              hint={t('The most the program pays or allocates, in {{currency}}.', { currency: draft.currencyCode || '—' })}
              error={errors.at('budget')}
            />
            <InputField
              id="program-start"
              label={t('Starts')}
              type="date"
              value={draft.startDate}
              onValueChange={(v) => set('startDate', v)}
              disabled={!draftStatus}
              hint={fixedHint}
              error={errors.at('start_date')}
            />
            <InputField
              id="program-end"
              label={t('Ends')}
              type="date"
              value={draft.endDate}
              onValueChange={(v) => set('endDate', v)}
              error={errors.at('end_date')}
            />
            <SelectField
              id="program-period"
              label={t('Period')}
              value={draft.period}
              onValueChange={(v) => set('period', v as Known<ProgramPeriod> | '')}
              disabled={!draftStatus}
              options={[
                { value: '', label: t('Choose…') },
                ...Object.entries(PROGRAM_PERIOD_LABELS).map(([value, label]) => ({ value, label: t(label) })),
              ]}
              hint={fixedHint ?? t('Volumes, tiers, bonuses and growth are measured per period.')}
              error={errors.at('period')}
            />
          </div>
        </Card>

        <Card title={t('Targets')} id="program-targets">
          {errors.at('targets') && (
            <p className="field-error" role="alert">
              {errors.at('targets')}
            </p>
          )}
          {draft.targets.length === 0 && <p className="muted">{t('No measurable targets yet.')}</p>}
          <ol className="tier-rows">
            {draft.targets.map((target, i) => {
              const setTarget = (patch: Partial<typeof target>) =>
                set(
                  'targets',
                  draft.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                );
              return (
                <li key={i} className="tier-row tier-row--three" aria-label={t('Target {{n}}', { n: i + 1 })}>
                  <InputField
                    id={`target-${i}-metric`}
                    label={t('Target {{n}} metric', { n: i + 1 })}
                    value={target.metric ?? ''}
                    onValueChange={(metric) => setTarget({ metric })}
                    hint={t('e.g. incremental_sales')}
                    error={errors.at(`targets[${i}].metric`)}
                  />
                  <InputField
                    id={`target-${i}-target`}
                    label={t('Target {{n}} value', { n: i + 1 })}
                    inputMode="decimal"
                    value={target.target ?? ''}
                    onValueChange={(value) => setTarget({ target: value })}
                    error={errors.at(`targets[${i}].target`)}
                  />
                  <InputField
                    id={`target-${i}-description`}
                    label={t('Target {{n}} description', { n: i + 1 })}
                    value={target.description ?? ''}
                    onValueChange={(description) => setTarget({ description })}
                    maxLength={200}
                    error={errors.at(`targets[${i}].description`)}
                  />
                  <RemoveRowButton label={t('Remove target {{n}}', { n: i + 1 })} onClick={() => set('targets', draft.targets.filter((_, j) => j !== i))} />
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => set('targets', [...draft.targets, { metric: '', target: '', description: '' }])}
          >
            {t('Add target')}
          </button>
        </Card>

        <Card title={t('Eligibility')} id="program-eligibility">
          <p className="muted small">{t('Each list that is not empty must contain the partner’s value; empty lists admit everyone.')}</p>
          <CheckboxGroup legend={t('Partner types')} error={errors.list('eligibility.partner_types')}>
            {kPartnerTypes.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.partnerTypes.includes(type)}
                  onChange={() => set('partnerTypes', toggle(draft.partnerTypes, type) as PartnerType[])}
                />
                <span>{t(PARTNER_TYPE_LABELS[type])}</span>
              </label>
            ))}
          </CheckboxGroup>
          <CheckboxGroup legend={t('Tiers')} error={errors.list('eligibility.tiers')}>
            {tierCodes.length === 0 && <span className="muted small">{t('No tiers defined.')}</span>}
            {tierCodes.map((code) => (
              <label key={code} className="checkbox">
                <input type="checkbox" checked={draft.tiers.includes(code)} onChange={() => set('tiers', toggle(draft.tiers, code))} />
                <span>{ladder.data?.tiers?.find((tier) => tier.code === code)?.name ?? code}</span>
              </label>
            ))}
          </CheckboxGroup>
          <InputField
            id="program-regions"
            label={t('Regions')}
            value={draft.regions}
            onValueChange={(v) => set('regions', v)}
            hint={t('Region codes separated by commas, e.g. EMEA-NL, EMEA-DE')}
            error={errors.list('eligibility.regions')}
          />
          <PartnerPicker
            id="program-partners"
            label={t('Named partners')}
            partnerIds={draft.partnerIds}
            onChange={(ids) => set('partnerIds', ids)}
            hint={t('Only these partners may enroll (and see the program).')}
            error={errors.list('eligibility.partner_ids')}
          />
          <CheckboxGroup legend={t('Required certifications')} error={errors.list('eligibility.required_certifications')}>
            {certificationCodes.length === 0 && <span className="muted small">{t('No certifications defined.')}</span>}
            {certificationCodes.map((code) => (
              <label key={code} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.requiredCertifications.includes(code)}
                  onChange={() => set('requiredCertifications', toggle(draft.requiredCertifications, code))}
                />
                <span>{code}</span>
              </label>
            ))}
          </CheckboxGroup>
        </Card>

        <Card title={t('Eligible products')} id="program-products">
          <SkuPicker
            id="program-skus"
            label={t('Products the program covers')}
            skus={draft.eligibleSkus}
            onChange={(skus) => set('eligibleSkus', skus)}
            hint={draft.eligibleSkus.length === 0 ? t('Empty: the whole catalog.') : undefined}
            error={errors.list('eligible_skus')}
          />
        </Card>

        <Card title={t('Rules')} id="program-rules">
          <RuleEditor
            rules={draft.rules}
            onChange={(rules) => set('rules', rules)}
            currency={draft.currencyCode}
            programStart={draft.startDate}
            programEnd={draft.endDate}
            errors={errors}
          >
            <SimulationPanel
              programId={original?.id}
              currency={draft.currencyCode || original?.currencyCode || 'EUR'}
              changes={changes}
              ruleNames={ruleNames}
              ruleOrder={draft.rules.map((r) => r.id ?? '')}
              errors={errors}
              onError={setError}
            />
          </RuleEditor>
        </Card>

        <Card title={t('Terms')} id="program-terms">
          <TextAreaField
            id="program-terms-text"
            label={t('Terms partners accept on enrollment')}
            value={draft.terms}
            onValueChange={(v) => set('terms', v)}
            rows={5}
            maxLength={20000}
            hint={
              original && !draftStatus
                ? t('Changing the terms creates terms version {{version}}.', { version: (original.termsVersion ?? 0) + 1 })
                : t('Required: partners accept these terms when they enroll.')
            }
            error={errors.at('terms')}
          />
        </Card>

        {stale ? (
          <div className="form-error" role="alert">
            <p>{t('This program was changed by someone else. Reload it to see the current version; your edits here will be lost.')}</p>
            {onReload && (
              <button type="button" className="button button--ghost button--small" onClick={onReload}>
                {t('Reload the program')}
              </button>
            )}
          </div>
        ) : apiError && apiError.fieldViolations.length > 0 ? (
          <div className="form-error" role="alert" data-testid="error-summary">
            <p>{t('The server did not accept the program. Check the fields marked in red.')}</p>
            {unmatched.length > 0 && (
              <ul>
                {unmatched.map((v) => (
                  <li key={`${v.field}:${v.description}`}>
                    {v.field}: {v.description}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : error ? (
          <ErrorMessage error={error} />
        ) : null}

        <div className="button-row program-editor__actions">
          <button type="submit" className="button button--primary button--inline" disabled={saving}>
            {saving ? t('Saving…') : original ? t('Save changes') : t('Create draft')}
          </button>
          <Link className="button button--ghost" to={original ? `/programs/${original.id}` : '/programs'}>
            {t('Cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

function CheckboxGroup({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className={`checkbox-group ${error ? 'field--invalid' : ''}`}>
      <legend>{legend}</legend>
      <div className="checkbox-group__items">{children}</div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
