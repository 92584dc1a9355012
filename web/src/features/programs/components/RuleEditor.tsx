import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_KIND_LABELS, type RuleKind } from '../labels';
import { newRule, RULE_KINDS, ruleKind, type ProgramErrors, type RuleDraft } from './program-draft';
import { RuleFields } from './rule-fields/RuleFields';

interface RuleEditorProps {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  currency: string;
  programStart: string;
  programEnd: string;
  errors: ProgramErrors;
  // The simulation, shown under the rules.
  children?: ReactNode;
}

// Adds, removes, reorders and edits a program's incentive rules; the server's violations show
// next to the input they name.
export function RuleEditor({ rules, onChange, currency, programStart, programEnd, errors, children }: RuleEditorProps) {
  const { t } = useTranslation();
  const replace = (key: string, next: RuleDraft) => onChange(rules.map((r) => (r.key === key ? next : r)));
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    onChange(next);
  };
  const listError = errors.at('rules');
  return (
    <div className="rule-editor" data-testid="rule-editor">
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      {rules.length === 0 && <p className="muted">{t('No rules yet. A program needs at least one rule to be activated.')}</p>}
      <ol className="rule-list">
        {rules.map((rule, index) => (
          <RuleCard
            key={rule.key}
            rule={rule}
            number={index + 1}
            onMoveUp={index === 0 ? undefined : () => move(index, -1)}
            onMoveDown={index === rules.length - 1 ? undefined : () => move(index, 1)}
            onRemove={() => onChange(rules.filter((r) => r.key !== rule.key))}
          >
            <RuleFields rule={rule} onChange={(next) => replace(rule.key, next)} currency={currency} errors={errors} />
          </RuleCard>
        ))}
      </ol>
      <AddRule onAdd={(kind) => onChange([...rules, newRule(kind, rules, { start: programStart, end: programEnd })])} />
      {children}
    </div>
  );
}

interface RuleCardProps {
  rule: RuleDraft;
  // 1-based position in the list.
  number: number;
  // Unset where the rule cannot move that way.
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onRemove: () => void;
  children: ReactNode;
}

// One rule in the list: its number and kind, the buttons that move or remove it, its fields.
function RuleCard({ rule, number: n, onMoveUp, onMoveDown, onRemove, children }: RuleCardProps) {
  const { t } = useTranslation();
  return (
    <li className="rule-card" aria-label={t('Rule {{n}}', { n })}>
      <div className="rule-card__head">
        <h3>
          {t('Rule {{n}}', { n })} · {t(RULE_KIND_LABELS[ruleKind(rule) ?? 'rebate'])}
        </h3>
        <div className="rule-card__actions">
          <button type="button" className="button button--ghost button--small" onClick={onMoveUp} disabled={!onMoveUp} aria-label={t('Move rule {{n}} up', { n })}>
            ↑
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onMoveDown} disabled={!onMoveDown} aria-label={t('Move rule {{n}} down', { n })}>
            ↓
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onRemove} aria-label={t('Remove rule {{n}}', { n })}>
            {t('Remove')}
          </button>
        </div>
      </div>
      {children}
    </li>
  );
}

// The kind of rule to add, and the button that adds one.
function AddRule({ onAdd }: { onAdd: (kind: RuleKind) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RuleKind>('rebate');
  return (
    <div className="rule-editor__add">
      <label className="inline-select">
        <span>{t('Kind of rule')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(RULE_KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--ghost" onClick={() => onAdd(kind)}>
        {t('Add rule')}
      </button>
    </div>
  );
}
