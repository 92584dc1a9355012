import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { PartnerPicker } from '@/components/PartnerPicker';
import type { ApiError } from '@/lib/api-client';
import type { Known, PartnerStatus, PartnerType } from '@/lib/api/enums';
import type { Tier } from '@/lib/api/schema';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import type { PartnerInput } from '../api/partners';
import { PARTNER_STATUS_LABELS } from '../labels';

// The API field path of each form field (violations name them under "partner.").
const kFieldPaths: Record<keyof PartnerInput, string> = {
  name: 'name',
  type: 'type',
  tier: 'tier',
  region: 'region',
  parentPartnerId: 'parent_partner_id',
  status: 'status',
};

// The update mask of an edit: the paths of the fields that differ from the partner as read.
export function changedMask(before: PartnerInput, after: PartnerInput): string[] {
  return (Object.keys(kFieldPaths) as Array<keyof PartnerInput>)
    .filter((field) => after[field] !== undefined && (after[field] ?? '') !== (before[field] ?? ''))
    .map((field) => kFieldPaths[field]);
}

// The violations no input shows, as "field: description".
export function leftoverViolations(error: ApiError | null, shown: string[]): string[] {
  return (error?.fieldViolations ?? []).filter((v) => !shown.includes(v.field)).map((v) => `${v.field}: ${v.description}`);
}

interface PartnerFormProps {
  initial: PartnerInput;
  // Edit mode also offers the status, and sends only what changed.
  editing?: boolean;
  // The ladder's tiers, lowest first (a free code when the ladder is empty).
  tiers: Tier[];
  // The partner being edited, which cannot be its own parent.
  partnerId?: string;
  submitting: boolean;
  error: ApiError | null;
  submitLabel: string;
  onSubmit: (partner: PartnerInput, mask: string[]) => void;
  onCancel: () => void;
  // Shown with a stale-etag answer: reload the partner and start over.
  onReload?: () => void;
}

export function PartnerForm({ initial, editing, tiers, partnerId, submitting, error, submitLabel, onSubmit, onCancel, onReload }: PartnerFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PartnerInput>(initial);
  const set = <K extends keyof PartnerInput>(field: K) => (value: PartnerInput[K]) => setValues((v) => ({ ...v, [field]: value }));
  const field = (name: keyof PartnerInput) => error?.fieldError(`partner.${kFieldPaths[name]}`);
  const shownFields = (Object.keys(kFieldPaths) as Array<keyof PartnerInput>)
    .filter((f) => editing || f !== 'status')
    .map((f) => `partner.${kFieldPaths[f]}`);
  const leftover = leftoverViolations(error, shownFields);
  const stale = error?.code === 10;
  const idPrefix = editing ? 'edit-partner' : 'new-partner';

  const cleaned: PartnerInput = {
    ...values,
    // No type chosen: left out, so the server names the field (an empty enum is no JSON value).
    type: values.type || undefined,
    name: values.name.trim(),
    tier: values.tier.trim(),
    region: values.region.trim(),
    parentPartnerId: values.parentPartnerId || '0',
  };
  const mask = editing ? changedMask({ ...initial, parentPartnerId: initial.parentPartnerId || '0' }, cleaned) : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editing && mask.length === 0) return;
    onSubmit(cleaned, mask);
  };

  const tierOptions = tiers.map((tier) => ({ value: tier.code ?? '', label: tier.name ?? '' }));
  if (values.tier && !tiers.some((tier) => tier.code === values.tier)) {
    tierOptions.unshift({ value: values.tier, label: t('{{code}} (not on the ladder)', { code: values.tier }) });
  }

  return (
    <form className="form partner-form" onSubmit={submit} noValidate aria-label={editing ? t('Edit partner') : t('New partner')}>
      <div className="form__grid">
        <InputField id={`${idPrefix}-name`} label={t('Name')} value={values.name} onValueChange={set('name')} maxLength={200} error={field('name')} />
        <SelectField
          id={`${idPrefix}-type`}
          label={t('Type')}
          value={values.type ?? ''}
          onValueChange={(v) => set('type')(v as PartnerType)}
          options={[
            ...(values.type ? [] : [{ value: '', label: t('Choose a type') }]),
            ...(Object.keys(PARTNER_TYPE_LABELS) as Array<Known<PartnerType>>).map((type) => ({ value: type, label: t(PARTNER_TYPE_LABELS[type]) })),
          ]}
          error={field('type')}
        />
        {tiers.length > 0 ? (
          <SelectField id={`${idPrefix}-tier`} label={t('Tier')} value={values.tier} onValueChange={set('tier')} options={tierOptions} error={field('tier')} />
        ) : (
          <InputField
            id={`${idPrefix}-tier`}
            label={t('Tier')}
            value={values.tier}
            onValueChange={(v) => set('tier')(v.toLowerCase())}
            maxLength={32}
            hint={t('A tier code, e.g. silver')}
            error={field('tier')}
          />
        )}
        <InputField
          id={`${idPrefix}-region`}
          label={t('Region or territory')}
          value={values.region}
          onValueChange={set('region')}
          maxLength={32}
          autoComplete="off"
          hint={t('A code, e.g. EMEA-NL')}
          error={field('region')}
        />
        <PartnerPicker
          id={`${idPrefix}-parent`}
          label={t('Parent partner')}
          value={values.parentPartnerId === '0' ? '' : values.parentPartnerId}
          onChange={(v) => set('parentPartnerId')(v || '0')}
          emptyLabel={t('None (top of its network)')}
          excludeId={partnerId}
          hint={t('The partner above it in a multi-tier network, e.g. its distributor')}
          error={field('parentPartnerId')}
        />
        {editing && (
          <SelectField
            id={`${idPrefix}-status`}
            label={t('Status')}
            value={values.status ?? 'PARTNER_STATUS_ACTIVE'}
            onValueChange={(v) => set('status')(v as PartnerStatus)}
            options={(Object.keys(PARTNER_STATUS_LABELS) as Array<Known<PartnerStatus>>).map((s) => ({ value: s, label: t(PARTNER_STATUS_LABELS[s]) }))}
            error={field('status')}
          />
        )}
      </div>
      {stale ? (
        <div className="form-error" role="alert">
          <p>{t('Someone else changed this partner since you opened it. Reload to see their changes, then make yours again.')}</p>
          {onReload && (
            <button type="button" className="button button--ghost button--small" onClick={onReload}>
              {t('Reload partner')}
            </button>
          )}
        </div>
      ) : (
        error &&
        (leftover.length > 0 || error.fieldViolations.length === 0) && (
          <div className="form-error" role="alert">
            {error.fieldViolations.length === 0 ? <p>{error.message}</p> : <ul>{leftover.map((text) => <li key={text}>{text}</li>)}</ul>}
          </div>
        )
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={submitting || (editing && mask.length === 0)}>
          {submitting ? t('Saving…') : submitLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('Cancel')}
        </button>
        {editing && mask.length === 0 && <span className="muted small">{t('Nothing changed yet')}</span>}
      </div>
    </form>
  );
}
