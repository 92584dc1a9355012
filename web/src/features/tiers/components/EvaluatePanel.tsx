import { useTranslation } from 'react-i18next';
import { Empty, ErrorMessage } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import type { EvaluateTiersResponse } from '@/lib/api/schema';
import { useTierLadder } from '@/lib/api/tiers';
import { useEvaluateTiers } from '../api/tiers';
import { TierChangeTable } from './TierChangeTable';

// "Evaluate tiers now": a preview (dry run) first, then the evaluation itself, with who moves.
export function EvaluatePanel({ partnerId }: { partnerId?: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const ladder = useTierLadder();
  const evaluate = useEvaluateTiers();
  const result = evaluate.data;
  const dryRun = evaluate.variables?.dryRun ?? true;
  const run = (preview: boolean) =>
    evaluate.mutate(
      { partnerId, dryRun: preview },
      {
        onSuccess: (r) => {
          if (!preview) toasts.show(t('{{count}} tier changes made', { count: r.changes?.length ?? 0 }), 'success');
        },
      },
    );
  const noLadder = ladder.data && (ladder.data.tiers ?? []).length === 0;
  return (
    <div className="evaluate">
      {noLadder ? (
        <p className="muted">{t('Set the tier ladder first: there is nothing to evaluate against.')}</p>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--ghost button--inline" disabled={evaluate.isPending} onClick={() => run(true)}>
            {evaluate.isPending && dryRun ? t('Previewing…') : t('Preview changes')}
          </button>
          <button type="button" className="button button--primary button--inline" disabled={evaluate.isPending} onClick={() => run(false)}>
            {evaluate.isPending && !dryRun ? t('Evaluating…') : partnerId ? t('Evaluate this partner now') : t('Evaluate tiers now')}
          </button>
        </div>
      )}
      {evaluate.isError && <ErrorMessage error={evaluate.error} />}
      {result && !evaluate.isPending && <EvaluateResult result={result} dryRun={dryRun} />}
    </div>
  );
}

function EvaluateResult({ result, dryRun }: { result: EvaluateTiersResponse; dryRun: boolean }) {
  const { t } = useTranslation();
  const ladder = useTierLadder();
  const changes = result.changes ?? [];
  return (
    <div className="evaluate__result" data-testid="evaluate-result" aria-live="polite">
      <p className={dryRun ? 'lead' : 'notice notice--success'}>
        {dryRun
          ? t('Preview: {{count}} partners evaluated, nothing changed yet', { count: result.evaluated ?? 0 })
          : t('{{count}} partners evaluated', { count: result.evaluated ?? 0 })}
        {(result.skipped ?? 0) > 0 && <> · {t('{{count}} skipped: changed meanwhile; the next evaluation takes them up', { count: result.skipped })}</>}
      </p>
      {changes.length === 0 ? (
        <Empty>{dryRun ? t('No partner would change tier.') : t('No partner changed tier.')}</Empty>
      ) : (
        <TierChangeTable changes={changes} ladder={ladder.data} caption={dryRun ? t('Changes the evaluation would make') : t('Changes made')} />
      )}
    </div>
  );
}
