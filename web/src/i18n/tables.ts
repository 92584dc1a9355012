// The translation tables: the shared ones in src/i18n/<language>.json and each feature's own in
// src/features/<feature>/<language>.json. English needs entries only for plural forms.
import sharedEnglish from './en.json';
import sharedDutch from './nl.json';

type Table = Record<string, string>;
const features = import.meta.glob<Table>('../features/*/{en,nl}.json', { import: 'default', eager: true });

function merged(language: 'en' | 'nl', shared: Table): Table {
  const own = Object.entries(features).filter(([path]) => path.endsWith(`/${language}.json`));
  return Object.assign({}, shared, ...own.map(([, table]) => table));
}

export const english = merged('en', sharedEnglish);
export const dutch = merged('nl', sharedDutch);
