import { useTranslation } from 'react-i18next';
import { isNegative } from '@/lib/decimal';
import { formatMoney, formatPercent } from '@/lib/format';

// ROI % in the reader's locale; a program that cost nothing has none.
export function RoiText({ value }: { value?: string }) {
  const { t } = useTranslation();
  if (!value) return <span className="muted" title={t('No cost yet, so no ROI')}>{t('n/a')}</span>;
  return <span className={isNegative(value) ? 'perf-negative' : undefined}>{formatPercent(value)}</span>;
}

// Money that may be negative (a loss, sales below the baseline), marked as such.
export function SignedMoney({ value, currency }: { value: string | undefined; currency: string | undefined }) {
  return <span className={isNegative(value) ? 'perf-negative' : undefined}>{formatMoney(value, currency)}</span>;
}
