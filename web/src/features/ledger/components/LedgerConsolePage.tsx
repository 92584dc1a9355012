import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/Fields';
import { EntryAmount, RewardExplanation } from '@/components/LedgerEntryParts';
import { LoadMore } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { PartnerPicker } from '@/components/PartnerPicker';
import { ProgramPicker } from '@/components/ProgramPicker';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { useLedgerEntries } from '@/lib/api/ledger';
import { usePartner } from '@/lib/api/partners';
import type { LedgerEntry } from '@/lib/api/schema';
import { useReverseLedgerEntry } from '../api/ledger';

// Ledger corrections for finance and program admins: every partner's entries (filtered by
// partner, program and claim), each explaining itself, and a reversal with a reason. The
// reversal is a new entry both sides see; the reversed entry stays as it was.
export default function LedgerConsolePage() {
  const { t } = useTranslation();
  const [partnerId, setPartnerId] = useState('');
  const [programId, setProgramId] = useState('');
  const [claimId, setClaimId] = useState('');
  const entries = useLedgerEntries({
    partnerId: partnerId || undefined,
    programId: programId || undefined,
    claimId: /^\d+$/.test(claimId) ? claimId : undefined,
  });
  return (
    <Page title={t('Ledger')} subtitle={t('Every entry explains itself. Correct a reward by reversing it with a reason.')}>
      <div className="filters">
        <PartnerPicker id="ledger-partner" label={t('Partner')} value={partnerId} onChange={setPartnerId} emptyLabel={t('All partners')} />
        <ProgramPicker id="ledger-program" label={t('Program')} value={programId} onChange={setProgramId} emptyLabel={t('All programs')} />
        <label className="inline-select">
          <span>{t('Claim')}</span>
          <input type="text" inputMode="numeric" size={8} value={claimId} onChange={(e) => setClaimId(e.target.value.trim())} />
        </label>
      </div>
      <QueryView query={entries}>
        {(data) => {
          const rows = data.items;
          if (rows.length === 0) return <Empty>{t('No entries match these filters.')}</Empty>;
          return (
            <>
              <ul className="entries" data-testid="ledger-entries">
                {rows.map((e) => (
                  <EntryRow key={e.id} entry={e} />
                ))}
              </ul>
              <LoadMore query={entries} />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

function EntryRow({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const partner = usePartner(entry.partnerId);
  const [reversing, setReversing] = useState(false);
  const reversible = entry.kind !== 'LEDGER_ENTRY_KIND_REVERSAL';
  return (
    <li className="entry" data-testid={`ledger-entry-${entry.id}`}>
      <div>
        <p className="muted small">
          {t('Entry {{id}}', { id: entry.id })} · {partner.data?.name ?? `#${entry.partnerId}`}
        </p>
        <RewardExplanation entry={entry} />
        {reversible && !reversing && (
          <button type="button" className="button button--ghost button--small" onClick={() => setReversing(true)}>
            {t('Reverse…')}
          </button>
        )}
        {reversing && <ReverseForm entry={entry} onDone={() => setReversing(false)} />}
      </div>
      <EntryAmount entry={entry} />
    </li>
  );
}

function ReverseForm({ entry, onDone }: { entry: LedgerEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const reverse = useReverseLedgerEntry();
  const [reason, setReason] = useState('');
  const error = reverse.error instanceof ApiError ? reverse.error : null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        reverse.mutate(
          { entryId: entry.id ?? '', reason: reason.trim() },
          {
            onSuccess: (reversal) => {
              toasts.show(t('Entry {{id}} reversed by entry {{reversal}}', { id: entry.id, reversal: reversal.id }), 'success');
              onDone();
            },
          },
        );
      }}
    >
      <TextAreaField
        id={`reason-${entry.id}`}
        label={t('Reason for the reversal (the partner reads it)')}
        value={reason}
        onValueChange={setReason}
        rows={2}
        maxLength={500}
        error={error?.fieldError('reason')}
      />
      {error && error.fieldViolations.length === 0 && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--danger button--inline" disabled={reverse.isPending}>
          {t('Reverse entry {{id}}', { id: entry.id })}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
