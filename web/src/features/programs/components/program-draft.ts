// The program editor's model: a Program as the form holds it (rules with client keys, regions as
// text), the JSON sent to the API, the update mask of what changed, and where the server's
// field violations belong.
import type { TFunction } from 'i18next';
import { type ApiError, type FieldViolation } from '@/lib/api-client';
import type { Known, PartnerType, ProgramPeriod } from '@/lib/api/enums';
import type { IncentiveRule, Program, ProgramTarget } from '@/lib/api/schema';
import { decimalInput, formatDecimalInput } from '@/lib/decimal-input';
import { formatDay, formatMoney, formatNumber } from '@/lib/format';
import type { RuleKind } from '../labels';

export const RULE_KINDS: RuleKind[] = ['rebate', 'spif', 'bonus', 'growth', 'points', 'coopAccrual', 'mdfAllocation'];

// A rule in the editor: `key` identifies it while rules move; `pointsBasis` remembers which
// points rate a points rule uses while its value is still empty.
export type RuleDraft = IncentiveRule & { key: string; pointsBasis?: 'currency' | 'unit' };

export interface ProgramDraft {
  name: string;
  description: string;
  objectives: string;
  targets: ProgramTarget[];
  partnerTypes: PartnerType[];
  tiers: string[];
  // Comma-separated region codes, as typed.
  regions: string;
  partnerIds: string[];
  requiredCertifications: string[];
  currencyCode: string;
  budget: string;
  startDate: string;
  endDate: string;
  period: Known<ProgramPeriod> | '';
  terms: string;
  eligibleSkus: string[];
  rules: RuleDraft[];
}

let nextKey = 1;
export function newKey(): string {
  return `k${nextKey++}`;
}

export function ruleKind(rule: IncentiveRule): RuleKind | undefined {
  return RULE_KINDS.find((kind) => rule[kind] !== undefined && rule[kind] !== null);
}

const kIdStem: Record<RuleKind, string> = {
  rebate: 'rebate',
  spif: 'spif',
  bonus: 'bonus',
  growth: 'growth',
  points: 'points',
  coopAccrual: 'coop',
  mdfAllocation: 'mdf',
};

// A new rule of `kind` with a rule id not used yet and sensible defaults.
export function newRule(kind: RuleKind, existing: IncentiveRule[], dates: { start: string; end: string }): RuleDraft {
  const used = new Set(existing.map((r) => r.id));
  let n = 1;
  while (used.has(`${kIdStem[kind]}-${n}`)) n++;
  const base = { key: newKey(), id: `${kIdStem[kind]}-${n}`, name: '' };
  switch (kind) {
    case 'rebate':
      return { ...base, rebate: { skus: [], tiers: [{ minVolume: '0', percent: '' }], mode: 'REBATE_MODE_MARGINAL' } };
    case 'spif':
      return { ...base, spif: { products: [{ sku: '', amountPerUnit: '' }], startDate: dates.start, endDate: dates.end } };
    case 'bonus':
      return { ...base, bonus: { skus: [], targetVolume: '', amount: '' } };
    case 'growth':
      return { ...base, growth: { skus: [], minGrowthPercent: '', amount: '', baseline: 'BASELINE_PERIOD_SAME_LAST_YEAR' } };
    case 'points':
      return { ...base, points: { skus: [], pointsPerCurrencyUnit: '', pointsPerUnit: '' }, pointsBasis: 'currency' };
    case 'coopAccrual':
      return { ...base, coopAccrual: { skus: [], percent: '' } };
    case 'mdfAllocation':
      return { ...base, mdfAllocation: { amountPerPartner: '', tierAmounts: [] } };
  }
}

export function emptyDraft(): ProgramDraft {
  return {
    name: '',
    description: '',
    objectives: '',
    targets: [],
    partnerTypes: [],
    tiers: [],
    regions: '',
    partnerIds: [],
    requiredCertifications: [],
    currencyCode: 'EUR',
    budget: '',
    startDate: '',
    endDate: '',
    period: 'PROGRAM_PERIOD_QUARTER',
    terms: '',
    eligibleSkus: [],
    rules: [],
  };
}

export function draftFromProgram(p: Program): ProgramDraft {
  return {
    name: p.name ?? '',
    description: p.description ?? '',
    objectives: p.objectives ?? '',
    targets: (p.targets ?? []).map((t) => ({ ...t, target: formatDecimalInput(t.target) })),
    partnerTypes: [...(p.eligibility?.partnerTypes ?? [])],
    tiers: [...(p.eligibility?.tiers ?? [])],
    regions: (p.eligibility?.regions ?? []).join(', '),
    partnerIds: [...(p.eligibility?.partnerIds ?? [])],
    requiredCertifications: [...(p.eligibility?.requiredCertifications ?? [])],
    currencyCode: p.currencyCode ?? '',
    budget: formatDecimalInput(p.budget),
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    period: p.period && p.period !== 'PROGRAM_PERIOD_UNSPECIFIED' ? p.period : '',
    terms: p.terms ?? '',
    eligibleSkus: [...(p.eligibleSkus ?? [])],
    rules: (p.rules ?? []).map((r) => ({
      ...ruleForEditing(r),
      key: newKey(),
      pointsBasis: r.points ? (r.points.pointsPerUnit ? 'unit' : 'currency') : undefined,
    })),
  };
}

// A decimal as typed ("2,5 " in Dutch) as the API reads it ("2.5").
export function decimal(value: string | undefined): string {
  return decimalInput(value ?? '');
}

const list = (values: string[] | undefined) => (values ?? []).map((v) => v.trim()).filter(Boolean);

// One rule as the API takes it: only its kind's fields, decimals normalised.
export function ruleToApi(rule: IncentiveRule): IncentiveRule {
  return convertRule(rule, decimal);
}

// One rule of the API as the editor shows it: decimals as the user's language writes them.
function ruleForEditing(rule: IncentiveRule): IncentiveRule {
  return convertRule(rule, (value) => formatDecimalInput(value));
}

// The rule with only its kind's fields, each decimal passed through `decimal`.
function convertRule(rule: IncentiveRule, decimal: (value: string | undefined) => string): IncentiveRule {
  const out: IncentiveRule = { id: (rule.id ?? '').trim(), name: (rule.name ?? '').trim() };
  const kind = ruleKind(rule);
  if (kind === 'rebate' && rule.rebate) {
    out.rebate = {
      skus: list(rule.rebate.skus),
      tiers: (rule.rebate.tiers ?? []).map((t) => ({ minVolume: decimal(t.minVolume), percent: decimal(t.percent) })),
      mode: rule.rebate.mode,
      partnerTierUplifts: (rule.rebate.partnerTierUplifts ?? []).map((u) => ({ tier: (u.tier ?? '').trim(), percent: decimal(u.percent) })),
    };
  } else if (kind === 'spif' && rule.spif) {
    out.spif = {
      products: (rule.spif.products ?? []).map((p) => ({ sku: (p.sku ?? '').trim(), amountPerUnit: decimal(p.amountPerUnit) })),
      startDate: rule.spif.startDate,
      endDate: rule.spif.endDate,
    };
  } else if (kind === 'bonus' && rule.bonus) {
    out.bonus = { skus: list(rule.bonus.skus), targetVolume: decimal(rule.bonus.targetVolume), amount: decimal(rule.bonus.amount) };
  } else if (kind === 'growth' && rule.growth) {
    out.growth = {
      skus: list(rule.growth.skus),
      minGrowthPercent: decimal(rule.growth.minGrowthPercent),
      amount: decimal(rule.growth.amount),
      baseline: rule.growth.baseline,
      baselineProgramId: rule.growth.baselineProgramId || '0',
    };
  } else if (kind === 'points' && rule.points) {
    out.points = {
      skus: list(rule.points.skus),
      pointsPerCurrencyUnit: decimal(rule.points.pointsPerCurrencyUnit),
      pointsPerUnit: decimal(rule.points.pointsPerUnit),
    };
  } else if (kind === 'coopAccrual' && rule.coopAccrual) {
    out.coopAccrual = { skus: list(rule.coopAccrual.skus), percent: decimal(rule.coopAccrual.percent) };
  } else if (kind === 'mdfAllocation' && rule.mdfAllocation) {
    out.mdfAllocation = {
      amountPerPartner: decimal(rule.mdfAllocation.amountPerPartner),
      tierAmounts: (rule.mdfAllocation.tierAmounts ?? []).map((t) => ({ tier: (t.tier ?? '').trim(), amount: decimal(t.amount) })),
    };
  }
  return out;
}

// The program JSON the API takes (create, update or simulate).
export function draftToApi(d: ProgramDraft): Program {
  const program: Program = {
    name: d.name.trim(),
    description: d.description,
    objectives: d.objectives,
    targets: d.targets.map((t) => ({ metric: (t.metric ?? '').trim(), target: decimal(t.target), description: t.description })),
    eligibility: {
      partnerTypes: d.partnerTypes,
      tiers: d.tiers,
      regions: list(d.regions.split(',')),
      partnerIds: d.partnerIds,
      requiredCertifications: d.requiredCertifications,
    },
    currencyCode: d.currencyCode.trim().toUpperCase(),
    budget: decimal(d.budget),
    startDate: d.startDate,
    endDate: d.endDate,
    terms: d.terms,
    eligibleSkus: list(d.eligibleSkus),
    rules: d.rules.map(ruleToApi),
  };
  if (d.period) program.period = d.period;
  return program;
}

// The update-mask paths (the API's field names) of what `changed` changes in `original`.
export function changedPaths(original: Program, changed: Program): string[] {
  const before = draftToApi(draftFromProgram(original));
  const fields: Array<[keyof Program, string]> = [
    ['name', 'name'],
    ['description', 'description'],
    ['objectives', 'objectives'],
    ['targets', 'targets'],
    ['eligibility', 'eligibility'],
    ['currencyCode', 'currency_code'],
    ['budget', 'budget'],
    ['startDate', 'start_date'],
    ['endDate', 'end_date'],
    ['period', 'period'],
    ['terms', 'terms'],
    ['eligibleSkus', 'eligible_skus'],
    ['rules', 'rules'],
  ];
  return fields
    .filter(([field]) => JSON.stringify(before[field] ?? null) !== JSON.stringify(changed[field] ?? null))
    .map(([, path]) => path);
}

// Where the server's field violations belong. Paths are the API's ("program.rules[0].rebate.
// tiers[1].percent"); rules are matched by the keys they had when the request was sent, so a
// violation stays on its rule while rules move.
const kProgramFields = [
  /^(name|description|objectives|currency_code|budget|start_date|end_date|period|terms|rules)$/,
  /^targets$/,
  /^eligibility\.(partner_types|tiers|regions|partner_ids|required_certifications)(\[\d+\])?$/,
  /^eligible_skus(\[\d+\])?$/,
];
const kRuleFields = [
  /^$/,
  /^(id|name)$/,
  /^rebate(\.(skus(\[\d+\])?|mode|tiers(\[\d+\]\.(min_volume|percent))?|partner_tier_uplifts(\[\d+\]\.(tier|percent))?))?$/,
  /^spif(\.(products(\[\d+\]\.(sku|amount_per_unit))?|start_date|end_date))?$/,
  /^bonus\.(skus(\[\d+\])?|target_volume|amount)$/,
  /^growth\.(skus(\[\d+\])?|min_growth_percent|amount|baseline)$/,
  /^points(\.(skus(\[\d+\])?|points_per_currency_unit|points_per_unit))?$/,
  /^coop_accrual\.(skus(\[\d+\])?|percent)$/,
  /^mdf_allocation(\.(amount_per_partner|tier_amounts(\[\d+\]\.(tier|amount))?))?$/,
];

export class ProgramErrors {
  private readonly violations: FieldViolation[];

  constructor(
    error: ApiError | null,
    // The rule keys in the order the request sent them.
    private readonly sentRuleKeys: string[] = [],
    // Fields outside `program` that the page shows itself (e.g. history_start).
    private readonly ownFields: string[] = [],
  ) {
    this.violations = (error?.fieldViolations ?? []).map((v) => ({
      field: v.field.replace(/^program\./, ''),
      description: v.description,
    }));
  }

  get empty(): boolean {
    return this.violations.length === 0;
  }

  // The violation of exactly this path (program-relative: "budget", "targets[0].metric").
  at(path: string): string | undefined {
    const found = this.violations.filter((v) => v.field === path).map((v) => v.description);
    return found.length ? found.join('; ') : undefined;
  }

  // The violations of a list and its items ("eligible_skus", "eligible_skus[2]").
  list(path: string): string | undefined {
    const found = this.violations
      .filter((v) => v.field === path || v.field.startsWith(`${path}[`))
      .map((v) => v.description);
    return found.length ? [...new Set(found)].join('; ') : undefined;
  }

  // The path of the rule with `key` as sent, "" when it was not sent.
  private rulePath(key: string): string {
    const index = this.sentRuleKeys.indexOf(key);
    return index < 0 ? '' : `rules[${index}]`;
  }

  rule(key: string, rest = ''): string | undefined {
    const path = this.rulePath(key);
    if (!path) return undefined;
    return this.at(rest ? `${path}.${rest}` : path);
  }

  ruleList(key: string, rest: string): string | undefined {
    const path = this.rulePath(key);
    return path ? this.list(`${path}.${rest}`) : undefined;
  }

  // The violations no input shows: unknown paths, rules since removed, targets beyond the list.
  unmatched(draft: ProgramDraft): FieldViolation[] {
    const liveKeys = new Set(draft.rules.map((r) => r.key));
    return this.violations.filter((v) => {
      if (this.ownFields.includes(v.field)) return false;
      if (kProgramFields.some((re) => re.test(v.field))) return false;
      const target = /^targets\[(\d+)\]\.(metric|target|description)$/.exec(v.field);
      if (target) return Number(target[1]) >= draft.targets.length;
      const rule = /^rules\[(\d+)\]\.?(.*)$/.exec(v.field);
      if (rule) {
        const key = this.sentRuleKeys[Number(rule[1])];
        return !key || !liveKeys.has(key) || !kRuleFields.some((re) => re.test(rule[2]!));
      }
      return true;
    });
  }
}

// ---- Rules in words ----

function products(skus: string[] | undefined, t: TFunction): string {
  return skus && skus.length > 0 ? skus.join(', ') : t('all eligible products');
}

// `programName` names a growth rule's baseline program (last year's), when it has one.
export function describeRule(rule: IncentiveRule, currency: string, t: TFunction, programName?: (id: string) => string | undefined): string {
  const money = (amount: string | undefined) => formatMoney(amount || '0', currency);
  if (rule.rebate) {
    const tiers = (rule.rebate.tiers ?? [])
      .map((tier) => t('{{percent}}% from {{volume}}', { percent: formatNumber(tier.percent || '0'), volume: money(tier.minVolume) }))
      .join(', ');
    const volume =
      rule.rebate.mode === 'REBATE_MODE_RETROACTIVE'
        ? t('Rebate on {{products}}: {{tiers}} of the period’s sales; reaching a tier re-rates the whole period.', {
            products: products(rule.rebate.skus, t),
            tiers,
          })
        : t('Rebate on {{products}}: {{tiers}}; each slice of the period’s sales earns its own tier’s rate.', {
            products: products(rule.rebate.skus, t),
            tiers,
          });
    const uplifts = (rule.rebate.partnerTierUplifts ?? [])
      .map((u) => t('+{{percent}}% for {{tier}}', { percent: formatNumber(u.percent || '0'), tier: u.tier }))
      .join(', ');
    return uplifts ? `${volume} ${t('Partner tiers earn more on each sale: {{uplifts}}.', { uplifts })}` : volume;
  }
  if (rule.spif) {
    const amounts = (rule.spif.products ?? [])
      .map((p) => t('{{amount}} per {{sku}}', { amount: money(p.amountPerUnit), sku: p.sku }))
      .join(', ');
    return t('SPIF of {{amounts}} sold from {{start}} to {{end}}.', {
      amounts,
      start: formatDay(rule.spif.startDate),
      end: formatDay(rule.spif.endDate),
    });
  }
  if (rule.bonus) {
    return t('Bonus of {{amount}} once per period when sales of {{products}} reach {{target}}.', {
      amount: money(rule.bonus.amount),
      products: products(rule.bonus.skus, t),
      target: money(rule.bonus.targetVolume),
    });
  }
  if (rule.growth) {
    const period = rule.growth.baseline === 'BASELINE_PERIOD_PREVIOUS' ? t('the previous period') : t('the same period last year');
    const baselineProgram = rule.growth.baselineProgramId && rule.growth.baselineProgramId !== '0' ? rule.growth.baselineProgramId : '';
    const baseline = baselineProgram
      ? t('{{period}} in {{program}}', { period, program: programName?.(baselineProgram) ?? t('Program #{{id}}', { id: baselineProgram }) })
      : period;
    return t('Growth reward of {{amount}} once per period when sales of {{products}} beat {{baseline}} by at least {{percent}}%.', {
      amount: money(rule.growth.amount),
      products: products(rule.growth.skus, t),
      baseline,
      percent: formatNumber(rule.growth.minGrowthPercent || '0'),
    });
  }
  if (rule.points) {
    return rule.points.pointsPerUnit
      ? t('{{rate}} points per unit sold of {{products}}.', {
          rate: formatNumber(rule.points.pointsPerUnit),
          products: products(rule.points.skus, t),
        })
      : t('{{rate}} points per {{unit}} of sales of {{products}}.', {
          rate: formatNumber(rule.points.pointsPerCurrencyUnit || '0'),
          unit: money('1'),
          products: products(rule.points.skus, t),
        });
  }
  if (rule.coopAccrual) {
    return t('{{percent}}% of sales of {{products}} accrues to the partner’s co-op fund.', {
      percent: formatNumber(rule.coopAccrual.percent || '0'),
      products: products(rule.coopAccrual.skus, t),
    });
  }
  if (rule.mdfAllocation) {
    const parts = (rule.mdfAllocation.tierAmounts ?? []).map((a) => t('{{amount}} for {{tier}}', { amount: money(a.amount), tier: a.tier }));
    if (rule.mdfAllocation.amountPerPartner) {
      parts.push(
        parts.length
          ? t('{{amount}} for other tiers', { amount: money(rule.mdfAllocation.amountPerPartner) })
          : t('{{amount}} per partner', { amount: money(rule.mdfAllocation.amountPerPartner) }),
      );
    }
    return t('MDF fund allocated on enrollment: {{amounts}}.', { amounts: parts.join(', ') });
  }
  return t('A rule of an unknown kind.');
}
