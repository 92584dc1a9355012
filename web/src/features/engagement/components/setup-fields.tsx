import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { type ApiError } from '@/lib/api-client';
import { labelOf, type Known, type PartnerType } from '@/lib/api/enums';
import type { Audience } from '@/lib/api/schema';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';

// A datetime-local input's value ("2026-12-01T09:00", local time) as an RFC 3339 timestamp.
export function localToIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// A time as a datetime-local value in the browser's zone.
export function isoToLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface AudienceDraft {
  partnerTypes: PartnerType[];
  regions: string;
  tiers: string;
}

export const emptyAudience: AudienceDraft = { partnerTypes: [], regions: '', tiers: '' };

const list = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function audienceOf(d: AudienceDraft): Audience {
  return { partnerTypes: d.partnerTypes, regions: list(d.regions).map((r) => r.toUpperCase()), tiers: list(d.tiers) };
}

// The form's lists of a stored audience.
export function audienceDraftOf(a: Audience | undefined): AudienceDraft {
  return { partnerTypes: [...(a?.partnerTypes ?? [])], regions: (a?.regions ?? []).join(', '), tiers: (a?.tiers ?? []).join(', ') };
}

// Whether two audiences name the same partners in the same order.
export function sameAudience(a: Audience | undefined, b: Audience | undefined): boolean {
  const same = (x: readonly string[] | undefined, y: readonly string[] | undefined) => (x ?? []).join('\n') === (y ?? []).join('\n');
  return same(a?.partnerTypes, b?.partnerTypes) && same(a?.regions, b?.regions) && same(a?.tiers, b?.tiers);
}

// Who something is for: partner types, regions and tiers (each empty: all). `fixed`: shown but
// not changeable, with that reason.
export function AudienceFields({
  idPrefix,
  value,
  onChange,
  error,
  path,
  fixed,
}: {
  idPrefix: string;
  value: AudienceDraft;
  onChange: (v: AudienceDraft) => void;
  error: ApiError | null;
  path: string;
  fixed?: string;
}) {
  const { t } = useTranslation();
  const violations = (what: string) =>
    error?.fieldViolations
      .filter((v) => v.field === `${path}.audience` || v.field.startsWith(`${path}.audience.${what}`))
      .map((v) => v.description)
      .join('; ') || undefined;
  const typesError = violations('partner_types');
  const toggle = (type: PartnerType) =>
    onChange({ ...value, partnerTypes: value.partnerTypes.includes(type) ? value.partnerTypes.filter((x) => x !== type) : [...value.partnerTypes, type] });
  return (
    <fieldset className="form__section">
      <legend>{t('Audience')}</legend>
      <p className="muted small">{fixed ?? t('Leave a list empty to include everyone.')}</p>
      <fieldset className="audience__types" aria-describedby={typesError ? `${idPrefix}-types-error` : undefined}>
        <legend className="small">{t('Partner types')}</legend>
        <div className="chips">
          {(Object.keys(PARTNER_TYPE_LABELS) as Array<Known<PartnerType>>).map((type) => (
            <button key={type} type="button" className="chip" aria-pressed={value.partnerTypes.includes(type)} disabled={!!fixed} onClick={() => toggle(type)}>
              {t(PARTNER_TYPE_LABELS[type])}
            </button>
          ))}
        </div>
        {typesError && (
          <p id={`${idPrefix}-types-error`} className="field-error" role="alert">
            {typesError}
          </p>
        )}
      </fieldset>
      <div className="form__grid">
        <InputField
          id={`${idPrefix}-regions`}
          label={t('Regions')}
          value={value.regions}
          onValueChange={(regions) => onChange({ ...value, regions })}
          readOnly={!!fixed}
          hint={t('Region codes separated by commas, e.g. EMEA-NL, EMEA-DE')}
          error={violations('regions')}
        />
        <InputField
          id={`${idPrefix}-tiers`}
          label={t('Tiers')}
          value={value.tiers}
          onValueChange={(tiers) => onChange({ ...value, tiers })}
          readOnly={!!fixed}
          hint={t('Tier codes separated by commas')}
          error={violations('tiers')}
        />
      </div>
    </fieldset>
  );
}


export function audienceText(a: Audience | undefined, t: (k: string) => string): string {
  const partnerTypes = a?.partnerTypes ?? [];
  const regions = a?.regions ?? [];
  const tiers = a?.tiers ?? [];
  if (partnerTypes.length === 0 && regions.length === 0 && tiers.length === 0) return t('All partners');
  return [partnerTypes.map((p) => t(labelOf(PARTNER_TYPE_LABELS, p) ?? 'Unknown')).join(', '), regions.join(', '), tiers.join(', ')].filter(Boolean).join(' · ');
}
