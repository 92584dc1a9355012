// Amounts as people type them in the portal's language: English "5,000.50", Dutch "5.000,50".
// A grouping mark is taken as one only where it groups thousands, so "5,000" in English is five
// thousand (never 5.000) and "1.000" in Dutch is one thousand.
import i18n from './i18n';

function marks(language: string) {
  return language.startsWith('nl') ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

const escape = (mark: string) => `\\${mark}`;

// The API's decimal string ("5000.50") for `text` in `language`, "" for blank, or null when it is
// not an amount there (a grouping mark out of place, two decimal marks, letters).
export function parseDecimalInput(text: string, language: string = i18n.language): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!compact) return '';
  const { decimal, group } = marks(language);
  const d = escape(decimal);
  const g = escape(group);
  const grouped = new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(${d}\\d+)?$`);
  let digits = compact;
  if (compact.includes(group)) {
    if (!grouped.test(compact)) return null;
    digits = compact.split(group).join('');
  } else if (!plain.test(compact)) {
    return null;
  }
  return digits.replace(decimal, '.');
}

// What to send for an amount field: the parsed decimal, or the text as typed when it does not
// parse, so that the server rejects it with the field's own error.
export function decimalInput(text: string, language: string = i18n.language): string {
  return parseDecimalInput(text, language) ?? text.trim();
}

// An API decimal ("1234.5") as the portal's language writes it in an input ("1234,5" in Dutch),
// without grouping, so that parseDecimalInput reads it back unchanged.
export function formatDecimalInput(value: string | undefined, language: string = i18n.language): string {
  return (value ?? '').replace('.', marks(language).decimal);
}

// A whole number as typed ("10,000" in English, "10.000" in Dutch) as digits ("10000"), or null.
export function parseWholeInput(text: string, language: string = i18n.language): string | null {
  const value = parseDecimalInput(text, language);
  return value && /^\d+$/.test(value) ? value.replace(/^0+(?=\d)/, '') : null;
}
