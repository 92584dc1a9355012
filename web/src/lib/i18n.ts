// Translations: English is written in the code (the keys are the English text) and Dutch comes
// from src/i18n/nl.json plus each feature's own nl.json (src/features/<feature>/nl.json).
// The language is the user's choice, else the browser's.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dutch, english } from '@/i18n/tables';

export const kLanguages = [
  { code: 'en', label: 'English' },
  { code: 'nl', label: 'Nederlands' },
] as const;
const kStorageKey = 'cim.language';

function initialLanguage(): string {
  try {
    const saved = localStorage.getItem(kStorageKey);
    if (saved && kLanguages.some((l) => l.code === saved)) return saved;
  } catch {
    // Storage blocked: use the browser's language.
  }
  const browser = typeof navigator !== 'undefined' ? navigator.language.toLowerCase() : 'en';
  return browser.startsWith('nl') ? 'nl' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: english }, nl: { translation: dutch } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

function applyLanguage(code: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export function setLanguage(code: string) {
  try {
    localStorage.setItem(kStorageKey, code);
  } catch {
    // Not saved; applies to this visit.
  }
  void i18n.changeLanguage(code);
}

export default i18n;
