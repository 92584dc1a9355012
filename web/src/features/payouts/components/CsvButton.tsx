import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { downloadStatementCsv } from '@/lib/api/statements';

// Downloads one statement's entries as CSV, saying so when it fails.
export function CsvButton({ statementId, className = 'link-button' }: { statementId: string; className?: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadStatementCsv(statementId);
    } catch (e) {
      toasts.show(e instanceof ApiError ? e.message : t('The CSV could not be downloaded. Please try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={className} onClick={() => void download()} disabled={busy} aria-busy={busy}>
      {t('CSV')}
      <span className="visually-hidden"> {t('Statement {{id}}', { id: statementId })}</span>
    </button>
  );
}
