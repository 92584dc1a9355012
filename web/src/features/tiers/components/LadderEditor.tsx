import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, TextAreaField } from '@/components/Fields';
import type { ApiError } from '@/lib/api-client';
import type { Tier, TierLadder } from '@/lib/api/schema';
import { decimalInput, formatDecimalInput } from '@/lib/decimal-input';

// One tier as the editor holds it: every input as typed, with a key that survives reordering.
export interface DraftTier {
  key: string;
  code: string;
  name: string;
  benefits: string;
  minTrailingSales: string;
  minCertifiedUsers: string;
  certificationCode: string;
  minTrailingPoints: string;
}

let nextKey = 1;
const newKey = () => `t${nextKey++}`;

export function toDraft(tier: Tier): DraftTier {
  const c = tier.criteria;
  return {
    key: newKey(),
    code: tier.code ?? '',
    name: tier.name ?? '',
    benefits: tier.benefits ?? '',
    minTrailingSales: formatDecimalInput(c?.minTrailingSales),
    minCertifiedUsers: c?.minCertifiedUsers ? String(c.minCertifiedUsers) : '',
    certificationCode: c?.certificationCode ?? '',
    minTrailingPoints: formatDecimalInput(c?.minTrailingPoints),
  };
}

function emptyDraft(): DraftTier {
  return { key: newKey(), code: '', name: '', benefits: '', minTrailingSales: '', minCertifiedUsers: '', certificationCode: '', minTrailingPoints: '' };
}

// The ladder as SetTierLadder takes it: lowest tier first, ranks left to the server, and no
// criteria on the lowest tier (every partner holds it).
export function toLadder(currencyCode: string, drafts: DraftTier[]): TierLadder {
  return {
    currencyCode: currencyCode.trim().toUpperCase(),
    tiers: drafts.map((d, i) => {
      const tier: Tier = { code: d.code.trim(), name: d.name.trim(), benefits: d.benefits.trim() };
      if (i > 0) {
        tier.criteria = {
          minTrailingSales: decimalInput(d.minTrailingSales),
          minCertifiedUsers: d.minCertifiedUsers.trim() ? Number(d.minCertifiedUsers.trim()) : 0,
          certificationCode: d.certificationCode.trim(),
          minTrailingPoints: decimalInput(d.minTrailingPoints),
        };
      }
      return tier;
    }),
  };
}

// The editor's inputs and the API field path of each (under ladder.tiers[i].).
const kTierFields = {
  code: 'code',
  name: 'name',
  benefits: 'benefits',
  minTrailingSales: 'criteria.min_trailing_sales',
  minCertifiedUsers: 'criteria.min_certified_users',
  certificationCode: 'criteria.certification_code',
  minTrailingPoints: 'criteria.min_trailing_points',
} as const;
type TierField = keyof typeof kTierFields;

// Maps the API's violations (by tier index at the time of saving) onto the tiers' keys, so
// they stay on the right tier when the ladder is reordered; the rest are left over.
export function mapLadderErrors(error: ApiError | null, submittedKeys: string[]) {
  const byKey: Record<string, Partial<Record<TierField | 'criteria', string>>> = {};
  const leftover: string[] = [];
  let currency: string | undefined;
  for (const v of error?.fieldViolations ?? []) {
    if (v.field === 'ladder.currency_code') {
      currency = v.description;
      continue;
    }
    const m = /^ladder\.tiers\[(\d+)\]\.(.+)$/.exec(v.field);
    const key = m ? submittedKeys[Number(m[1])] : undefined;
    const field = m ? (Object.keys(kTierFields) as TierField[]).find((f) => kTierFields[f] === m[2]) ?? (m[2] === 'criteria' ? 'criteria' : undefined) : undefined;
    if (key && field) {
      (byKey[key] ??= {})[field] = v.description;
    } else {
      leftover.push(`${v.field}: ${v.description}`);
    }
  }
  return { byKey, leftover, currency };
}

interface LadderEditorProps {
  ladder: TierLadder;
  certificationCodes: string[];
  saving: boolean;
  error: ApiError | null;
  onSave: (ladder: TierLadder) => void;
}

// The tier ladder as a form: ordered tiers (add, remove, move) with their criteria.
export function LadderEditor({ ladder, certificationCodes, saving, error, onSave }: LadderEditorProps) {
  const { t } = useTranslation();
  const initial = useMemo(() => (ladder.tiers ?? []).map(toDraft), [ladder]);
  const [currency, setCurrency] = useState(ladder.currencyCode ?? '');
  const [drafts, setDrafts] = useState<DraftTier[]>(initial);
  // The tiers' keys as last sent (violations name tiers by index), null before a save or
  // after discarding, when the last answer's errors no longer apply.
  const [submittedKeys, setSubmittedKeys] = useState<string[] | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const shownError = submittedKeys ? error : null;
  const mapped = mapLadderErrors(shownError, submittedKeys ?? []);
  const dirty =
    currency !== (ladder.currencyCode ?? '') ||
    JSON.stringify(toLadder(currency, drafts).tiers) !== JSON.stringify(toLadder(currency, initial).tiers);

  const update = (key: string, field: TierField, value: string) =>
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, [field]: value } : d)));
  const move = (index: number, by: -1 | 1, buttonId: string) => {
    const to = index + by;
    if (to < 0 || to >= drafts.length) return;
    const list = [...drafts];
    [list[index], list[to]] = [list[to]!, list[index]!];
    setDrafts(list);
    // Keep focus on the moved tier's button; at an end it is disabled, so use the other one.
    const edge = to === 0 || to === list.length - 1;
    focusAfter.current = edge ? buttonId.replace(by < 0 ? '-up' : '-down', by < 0 ? '-down' : '-up') : buttonId;
  };
  const remove = (key: string) => setDrafts((list) => list.filter((d) => d.key !== key));
  const add = () => {
    const d = emptyDraft();
    setDrafts((list) => [...list, d]);
    focusAfter.current = `tier-${d.key}-name`;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    for (const d of drafts) {
      if (d.minCertifiedUsers.trim() && !/^\d+$/.test(d.minCertifiedUsers.trim())) {
        local[d.key] = t('A whole number, 0 or more');
      }
    }
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    setSubmittedKeys(drafts.map((d) => d.key));
    onSave(toLadder(currency, drafts));
  };

  return (
    <form className="form ladder-editor" onSubmit={submit} noValidate aria-label={t('Tier ladder')}>
      <div className="ladder-editor__currency">
        <InputField
          id="ladder-currency"
          label={t('Sales currency')}
          value={currency}
          onValueChange={(v) => setCurrency(v.toUpperCase())}
          maxLength={3}
          autoComplete="off"
          hint={t('ISO 4217 code, e.g. EUR; required when a tier has a sales criterion.')}
          error={mapped.currency}
        />
      </div>
      <p className="muted small">{t('Lowest tier first. A partner holds the highest tier whose criteria it meets; a criterion left empty is not required.')}</p>
      {drafts.length === 0 && <p className="state state--empty">{t('No tiers: partner tiers are set by hand only.')}</p>}
      <ol className="ladder-editor__tiers">
        {drafts.map((d, i) => {
          const errs = mapped.byKey[d.key] ?? {};
          const id = (f: string) => `tier-${d.key}-${f}`;
          const legend = t('Tier {{number}}', { number: i + 1 });
          return (
            <li key={d.key}>
              <fieldset className="form__section ladder-tier">
                <legend>
                  {legend}
                  {d.name.trim() && <span className="muted"> · {d.name.trim()}</span>}
                </legend>
                <div className="form__grid">
                  <InputField id={id('name')} label={t('Name')} value={d.name} onValueChange={(v) => update(d.key, 'name', v)} maxLength={60} error={errs.name} />
                  <InputField
                    id={id('code')}
                    label={t('Code')}
                    value={d.code}
                    onValueChange={(v) => update(d.key, 'code', v.toLowerCase())}
                    maxLength={32}
                    autoComplete="off"
                    hint={t('The partner tier code it sets, e.g. gold')}
                    error={errs.code}
                  />
                </div>
                <TextAreaField id={id('benefits')} label={t('Benefits')} value={d.benefits} onValueChange={(v) => update(d.key, 'benefits', v)} rows={2} maxLength={2000} error={errs.benefits} />
                {i === 0 ? (
                  <p className="muted small">{t('The lowest tier is every partner\'s: it has no criteria.')}</p>
                ) : (
                  <div className="form__grid">
                    <InputField
                      id={id('sales')}
                      label={t('Min. trailing 12-month sales')}
                      inputMode="decimal"
                      value={d.minTrailingSales}
                      onValueChange={(v) => update(d.key, 'minTrailingSales', v)}
                      hint={currency ? t('In {{currency}}', { currency }) : undefined}
                      error={errs.minTrailingSales}
                    />
                    <InputField
                      id={id('certified')}
                      label={t('Min. certified users')}
                      inputMode="numeric"
                      value={d.minCertifiedUsers}
                      onValueChange={(v) => update(d.key, 'minCertifiedUsers', v)}
                      error={localErrors[d.key] ?? errs.minCertifiedUsers}
                    />
                    <InputField
                      id={id('certification')}
                      label={t('Certification')}
                      list="ladder-certification-codes"
                      value={d.certificationCode}
                      onValueChange={(v) => update(d.key, 'certificationCode', v)}
                      hint={t('Only holders of this certification count; empty: any')}
                      error={errs.certificationCode}
                    />
                    <InputField
                      id={id('points')}
                      label={t('Min. trailing 12-month points')}
                      inputMode="numeric"
                      value={d.minTrailingPoints}
                      onValueChange={(v) => update(d.key, 'minTrailingPoints', v)}
                      error={errs.minTrailingPoints}
                    />
                  </div>
                )}
                {errs.criteria && (
                  <p className="field-error" role="alert">
                    {errs.criteria}
                  </p>
                )}
                <div className="button-row">
                  <button type="button" id={id('up')} className="button button--ghost button--small" disabled={i === 0} onClick={() => move(i, -1, id('up'))}>
                    {t('Move up')}
                  </button>
                  <button
                    type="button"
                    id={id('down')}
                    className="button button--ghost button--small"
                    disabled={i === drafts.length - 1}
                    onClick={() => move(i, 1, id('down'))}
                  >
                    {t('Move down')}
                  </button>
                  <button type="button" className="button button--ghost button--small ladder-tier__remove" onClick={() => remove(d.key)}>
                    {t('Remove tier')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <datalist id="ladder-certification-codes">
        {certificationCodes.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <button type="button" className="button button--ghost" onClick={add} disabled={drafts.length >= 20}>
        {t('Add a tier')}
      </button>
      {shownError && (mapped.leftover.length > 0 || shownError.fieldViolations.length === 0) && (
        <div className="form-error" role="alert">
          {shownError.fieldViolations.length === 0 ? (
            <p>{shownError.message}</p>
          ) : (
            <ul>
              {mapped.leftover.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="button-row ladder-editor__actions">
        <button type="submit" className="button button--primary button--inline" disabled={saving || !dirty}>
          {saving ? t('Saving…') : t('Save ladder')}
        </button>
        {dirty && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setDrafts(initial);
              setCurrency(ladder.currencyCode ?? '');
              setSubmittedKeys(null);
              setLocalErrors({});
            }}
          >
            {t('Discard changes')}
          </button>
        )}
        {dirty && <span className="muted small">{t('Unsaved changes')}</span>}
      </div>
    </form>
  );
}
