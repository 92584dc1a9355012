import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import type { NotificationSettings } from '@/lib/api/schema';
import { changedRows, draftOf, placeViolations, rowsOf, settingsUpdate, type SettingsDraft } from './preferences';

const settings: NotificationSettings = {
  language: '',
  availableLanguages: ['en', 'nl'],
  preferences: [
    { category: 'NOTIFICATION_CATEGORY_CLAIMS', inApp: true, email: true, delivery: 'NOTIFICATION_DELIVERY_IMMEDIATE', overridden: false },
    { category: 'NOTIFICATION_CATEGORY_PAYOUTS', inApp: true, email: false, delivery: 'NOTIFICATION_DELIVERY_DAILY_DIGEST', overridden: true },
    { category: 'NOTIFICATION_CATEGORY_DISPUTES', inApp: true, email: true, delivery: 'NOTIFICATION_DELIVERY_UNSPECIFIED', overridden: false },
  ],
};

const initial = draftOf(settings);
const edit = (change: (draft: SettingsDraft) => void): SettingsDraft => {
  const draft = structuredClone(initial);
  change(draft);
  return draft;
};

describe('rowsOf', () => {
  it('reads an unset delivery as at once and leaves out categories it does not know', () => {
    const rows = rowsOf([...settings.preferences!, { category: 'NOTIFICATION_CATEGORY_UNSPECIFIED', inApp: true }]);
    expect(rows.map((r) => r.category)).toEqual(['NOTIFICATION_CATEGORY_CLAIMS', 'NOTIFICATION_CATEGORY_PAYOUTS', 'NOTIFICATION_CATEGORY_DISPUTES']);
    expect(rows[2]!.delivery).toBe('NOTIFICATION_DELIVERY_IMMEDIATE');
  });
});

describe('settingsUpdate', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsUpdate(initial, edit(() => {}))).toBeNull();
    // Switching a row back and forth is no change either.
    expect(changedRows(initial.rows, initial.rows)).toEqual([]);
  });

  it('sends just the language with a mask of "language"', () => {
    const sent = settingsUpdate(initial, edit((d) => (d.language = 'nl')))!;
    expect(sent.request).toEqual({ settings: { language: 'nl' }, updateMask: 'language' });
    expect(sent.paths).toEqual(['language']);
  });

  it('sends only the changed categories, so the others keep following the default', () => {
    const sent = settingsUpdate(
      initial,
      edit((d) => {
        d.rows[0]!.email = false;
        d.rows[2]!.delivery = 'NOTIFICATION_DELIVERY_DAILY_DIGEST';
      }),
    )!;
    expect(sent.request).toEqual({
      settings: {
        preferences: [
          { category: 'NOTIFICATION_CATEGORY_CLAIMS', inApp: true, email: false, delivery: 'NOTIFICATION_DELIVERY_IMMEDIATE' },
          { category: 'NOTIFICATION_CATEGORY_DISPUTES', inApp: true, email: true, delivery: 'NOTIFICATION_DELIVERY_DAILY_DIGEST' },
        ],
      },
      updateMask: 'preferences',
    });
    expect(sent.preferences).toEqual(['NOTIFICATION_CATEGORY_CLAIMS', 'NOTIFICATION_CATEGORY_DISPUTES']);
  });

  it('resets overridden rows (not also sent as a choice) with the JSON mask path resetCategories', () => {
    const sent = settingsUpdate(
      initial,
      edit((d) => {
        d.language = 'en';
        d.rows[1]!.inApp = false;
        d.reset = ['NOTIFICATION_CATEGORY_PAYOUTS', 'NOTIFICATION_CATEGORY_CLAIMS'];
      }),
    )!;
    // Claims follows the default already: nothing to reset there.
    expect(sent.request).toEqual({
      settings: { language: 'en' },
      resetCategories: ['NOTIFICATION_CATEGORY_PAYOUTS'],
      updateMask: 'language,resetCategories',
    });
    expect(sent.paths).toEqual(['language', 'reset_categories']);
    expect(sent.resets).toEqual(['NOTIFICATION_CATEGORY_PAYOUTS']);
  });
});

describe('placeViolations', () => {
  const error = new ApiError(400, 3, 'invalid', [
    { field: 'settings.language', description: 'one of en, nl, or empty' },
    { field: 'settings.preferences[1].delivery', description: 'IMMEDIATE or DAILY_DIGEST' },
    { field: 'settings.preferences[0].category', description: 'a category that concerns this person' },
    { field: 'reset_categories[0]', description: 'a category that concerns this person' },
    { field: 'update_mask', description: 'language, preferences or reset_categories' },
  ]);

  it('puts each violation on the control of the category sent at its index', () => {
    const placed = placeViolations(error, 'settings.preferences', {
      preferences: ['NOTIFICATION_CATEGORY_CLAIMS', 'NOTIFICATION_CATEGORY_DISPUTES'],
      resets: ['NOTIFICATION_CATEGORY_PAYOUTS'],
    });
    expect(placed.language).toBe('one of en, nl, or empty');
    expect(placed.at('NOTIFICATION_CATEGORY_DISPUTES', 'delivery')).toBe('IMMEDIATE or DAILY_DIGEST');
    expect(placed.at('NOTIFICATION_CATEGORY_CLAIMS', 'row')).toBe('a category that concerns this person');
    expect(placed.at('NOTIFICATION_CATEGORY_PAYOUTS', 'row')).toBe('a category that concerns this person');
    expect(placed.at('NOTIFICATION_CATEGORY_CLAIMS', 'delivery')).toBeUndefined();
    expect(placed.shown('settings.preferences[1].delivery')).toBe(true);
    expect(placed.shown('update_mask')).toBe(false);
  });

  it('reads a partner defaults answer by its own prefix', () => {
    const partnerError = new ApiError(400, 3, 'invalid', [{ field: 'preferences[0].delivery', description: 'IMMEDIATE or DAILY_DIGEST' }]);
    const placed = placeViolations(partnerError, 'preferences', { preferences: ['NOTIFICATION_CATEGORY_ORDERS'] });
    expect(placed.at('NOTIFICATION_CATEGORY_ORDERS', 'delivery')).toBe('IMMEDIATE or DAILY_DIGEST');
    expect(placeViolations(null, 'preferences', { preferences: [] }).shown('preferences')).toBe(false);
  });
});
