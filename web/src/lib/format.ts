// Locale-aware formatting of the API's values. Money and points arrive as decimal strings and
// are formatted from the string, so no amount goes through floating point on its way to the
// screen (Intl.NumberFormat formats numeric strings exactly).
import i18n from './i18n';

const kLocales: Record<string, string> = { en: 'en-GB', nl: 'nl-NL' };

export function locale(): string {
  return kLocales[i18n.language] ?? 'en-GB';
}

type Numeric = Parameters<Intl.NumberFormat['format']>[0];
const asNumeric = (value: string | undefined): Numeric => (value || '0') as unknown as Numeric;

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale()}|${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale(), options);
    cache.set(id, format);
  }
  return format;
}

// Values the API left out (undefined) show as zero, as proto3 means them.

// "€ 1.234,50" / "€1,234.50".
export function formatMoney(amount: string | undefined, currency: string | undefined): string {
  if (!currency || currency === 'points') return formatPoints(amount);
  return numberFormat(`money:${currency}`, { style: 'currency', currency }).format(asNumeric(amount));
}

// Money without cents for large overview figures ("€12,400").
export function formatMoneyShort(amount: string | undefined, currency: string | undefined): string {
  return numberFormat(`money0:${currency}`, { style: 'currency', currency: currency ?? '', maximumFractionDigits: 0 }).format(
    asNumeric(amount),
  );
}

export function formatNumber(value: string | number | undefined): string {
  return numberFormat('number', { maximumFractionDigits: 4 }).format(asNumeric(value === undefined ? undefined : String(value)));
}

export function formatPoints(value: string | undefined): string {
  return numberFormat('points', { maximumFractionDigits: 0 }).format(asNumeric(value));
}

export function formatPercent(value: string | undefined): string {
  return `${formatNumber(value)}%`;
}

// A calendar day "YYYY-MM-DD" (UTC) as "1 Dec 2026" / "1 dec 2026".
export function formatDay(day: string | undefined): string {
  if (!day) return '';
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

// "Ann, Bob and Cas" / "Ann, Bob en Cas".
export function formatList(items: string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

// A timestamp as date and time in the user's time zone.
export function formatDateTime(timestamp: string | undefined): string {
  if (!timestamp) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(timestamp));
}

export function formatDate(timestamp: string | undefined): string {
  if (!timestamp) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(timestamp));
}

// "3 days ago", "in 2 months".
export function formatRelative(timestamp: string | undefined, now: Date = new Date()): string {
  const seconds = (new Date(timestamp ?? '').getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds), 'second');
}

// Today as "YYYY-MM-DD" in UTC (the API's calendar).
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
