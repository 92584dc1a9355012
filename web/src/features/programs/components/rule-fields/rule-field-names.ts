import type { ProgramErrors } from '../program-draft';

// How one rule's inputs are named and where its field violations are found: every kind's fields
// take one of these from RuleFields.
export interface RuleFieldNames {
  // The DOM id of the rule's input `name` ("rule-k3-mode").
  id: (name: string) => string;
  // The violation of a path inside the rule ("rebate.tiers[0].percent").
  error: (path: string) => string | undefined;
  // The violations of a list inside the rule and its items ("rebate.skus").
  listError: (path: string) => string | undefined;
  // The hint under amount inputs: the program's currency.
  moneyHint: string;
}

export function ruleFieldNames(key: string, errors: ProgramErrors, moneyHint: string): RuleFieldNames {
  return {
    id: (name) => `rule-${key}-${name}`,
    error: (path) => errors.rule(key, path),
    listError: (path) => errors.ruleList(key, path),
    moneyHint,
  };
}

// `list` with item `index` changed by `patch`.
export function updateRow<T>(list: readonly T[] | undefined, index: number, patch: Partial<T>): T[] {
  return (list ?? []).map((item, i) => (i === index ? { ...item, ...patch } : item));
}

// `list` without item `index`.
export function removeRow<T>(list: readonly T[] | undefined, index: number): T[] {
  return (list ?? []).filter((_, i) => i !== index);
}
