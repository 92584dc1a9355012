import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { categoryName, CATEGORY_LABELS } from './labels';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('categoryName', () => {
  it('names every category in English', () => {
    const t = i18n.t.bind(i18n);
    expect(categoryName(t, 'NOTIFICATION_CATEGORY_REVIEW')).toBe('Claim review');
    expect(categoryName(t, 'NOTIFICATION_CATEGORY_ORDERS')).toBe('Rewards store orders');
    expect(categoryName(t, 'NOTIFICATION_CATEGORY_UNSPECIFIED')).toBe('Other notifications');
  });

  it('names them in Dutch, "Claim review" as a category rather than the page', async () => {
    await i18n.changeLanguage('nl');
    const t = i18n.t.bind(i18n);
    const names = Object.keys(CATEGORY_LABELS).map((c) => categoryName(t, c as keyof typeof CATEGORY_LABELS));
    expect(names).toEqual([
      'Claims',
      'Uitbetalingen',
      'Badges en niveaus',
      'Partnerniveau',
      'Certificeringen',
      "Programma's en enquêtes",
      'Bestellingen in de beloningswinkel',
      'Geschillen',
      'Beoordeling van claims',
      'Programmabudgetten',
    ]);
    // The page keeps its own name.
    expect(t('Claim review')).toBe('Claims beoordelen');
  });
});
