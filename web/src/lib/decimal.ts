// Exact arithmetic on the API's decimal strings ("1234.50", "-0.0100"): amounts are held as
// BigInt counts of 10^-kScale, so sums shown to users never drift the way floats do.

const kScale = 6;
const kFactor = 10n ** BigInt(kScale);

// Parses a decimal string (up to 6 decimal places; more are cut off). Empty or absent means 0.
export function toUnits(value: string | undefined | null): bigint {
  const text = (value ?? '').trim();
  if (!text) return 0n;
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const whole = BigInt(m[2] || '0');
  const fraction = BigInt(((m[3] ?? '') + '0'.repeat(kScale)).slice(0, kScale));
  const units = whole * kFactor + fraction;
  return m[1] === '-' ? -units : units;
}

// The decimal string of a unit count, without trailing zeros ("12.5", "-3", "0").
export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / kFactor;
  const fraction = (abs % kFactor).toString().padStart(kScale, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function addDecimals(...values: Array<string | undefined>): string {
  return fromUnits(values.reduce((sum, v) => sum + toUnits(v), 0n));
}

export function subtractDecimals(a: string | undefined, b: string | undefined): string {
  return fromUnits(toUnits(a) - toUnits(b));
}

export function compareDecimals(a: string | undefined, b: string | undefined): number {
  const d = toUnits(a) - toUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// True for a decimal string above zero (false for empty, zero and negative values).
export function isPositive(value: string | undefined): boolean {
  return compareDecimals(value, '0') > 0;
}

export function isNegative(value: string | undefined): boolean {
  return toUnits(value) < 0n;
}

// Share of `current` in `target`, 0 to 100, rounded down: for progress bars only.
export function percentOf(current: string | undefined, target: string | undefined): number {
  const t = toUnits(target);
  if (t <= 0n) return 100;
  const c = toUnits(current);
  if (c <= 0n) return 0;
  const pct = (c * 100n) / t;
  return pct > 100n ? 100 : Number(pct);
}

// A value to plot (charts place points in floating point; figures shown stay exact).
export function toChartNumber(value: string | undefined): number {
  return Number(value || 0);
}

// `value` × a whole `count` (a line amount: unit price × quantity).
export function multiplyDecimal(value: string, count: number): string {
  return fromUnits(toUnits(value) * BigInt(Math.trunc(count)));
}
