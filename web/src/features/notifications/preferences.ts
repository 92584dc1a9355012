// The preferences forms' state and what they send: a person's settings (language; per category
// in the portal, by email, delivery; back to the default) and a partner's defaults. Only what
// changed is sent, so a category that follows a default keeps following it.
import { fieldMaskJson, type ApiError } from '@/lib/api-client';
import { labelOf, type Known } from '@/lib/api/enums';
import type { NotificationPreference, NotificationSettings, UpdateNotificationSettingsRequest } from '@/lib/api/schema';
import { CATEGORY_LABELS, DELIVERY_LABELS, type NotificationCategory, type NotificationDelivery } from './labels';

export type Category = Known<NotificationCategory>;

export interface PreferenceRow {
  category: Category;
  inApp: boolean;
  email: boolean;
  delivery: Known<NotificationDelivery>;
  // As read: chosen for this person (or partner) rather than taken from a default.
  overridden: boolean;
}

// The rows of the categories this portal knows, in the server's order; an unset delivery is
// "at once", as the server treats it.
export function rowsOf(preferences: readonly NotificationPreference[] | undefined): PreferenceRow[] {
  return (preferences ?? []).flatMap((p) => {
    if (labelOf(CATEGORY_LABELS, p.category) === undefined) return [];
    return [
      {
        category: p.category as Category,
        inApp: !!p.inApp,
        email: !!p.email,
        delivery: labelOf(DELIVERY_LABELS, p.delivery) ? (p.delivery as Known<NotificationDelivery>) : 'NOTIFICATION_DELIVERY_IMMEDIATE',
        overridden: !!p.overridden,
      },
    ];
  });
}

// The rows of `current` whose choices differ from `initial`.
export function changedRows(initial: readonly PreferenceRow[], current: readonly PreferenceRow[]): PreferenceRow[] {
  return current.filter((row) => {
    const before = initial.find((r) => r.category === row.category);
    return !before || before.inApp !== row.inApp || before.email !== row.email || before.delivery !== row.delivery;
  });
}

export function toPreference(row: PreferenceRow): NotificationPreference {
  return { category: row.category, inApp: row.inApp, email: row.email, delivery: row.delivery };
}

export interface SettingsDraft {
  language: string;
  rows: PreferenceRow[];
  // Categories going back to the default on save.
  reset: Category[];
}

export function draftOf(settings: NotificationSettings): SettingsDraft {
  return { language: settings.language ?? '', rows: rowsOf(settings.preferences), reset: [] };
}

export interface SentUpdate {
  request: UpdateNotificationSettingsRequest;
  // The mask's proto paths, as field violations name them.
  paths: string[];
  // The categories in the order sent: settings.preferences[i] and reset_categories[i].
  preferences: Category[];
  resets: Category[];
}

// The PATCH body for what the draft changed (its mask names only that), or null when nothing
// changed. A category going back to the default is not also sent as a choice.
export function settingsUpdate(initial: SettingsDraft, draft: SettingsDraft): SentUpdate | null {
  const paths: string[] = [];
  const settings: NotificationSettings = {};
  const resets = draft.reset.filter((c) => initial.rows.some((r) => r.category === c && r.overridden));
  const changed = changedRows(initial.rows, draft.rows).filter((row) => !resets.includes(row.category));
  if (draft.language !== initial.language) {
    paths.push('language');
    settings.language = draft.language;
  }
  if (changed.length > 0) {
    paths.push('preferences');
    settings.preferences = changed.map(toPreference);
  }
  if (resets.length > 0) paths.push('reset_categories');
  if (paths.length === 0) return null;
  return {
    request: {
      settings,
      ...(resets.length > 0 ? { resetCategories: resets } : {}),
      updateMask: fieldMaskJson(paths),
    },
    paths,
    preferences: changed.map((row) => row.category),
    resets,
  };
}

export type PreferenceControl = 'inApp' | 'email' | 'delivery' | 'row';

const kControls: Record<string, PreferenceControl> = { in_app: 'inApp', email: 'email', delivery: 'delivery' };

export interface PlacedViolations {
  language?: string;
  // The violation shown at a row's control.
  at: (category: Category, control: PreferenceControl) => string | undefined;
  // Whether a violation's field is shown at a control (the rest go under the form).
  shown: (field: string) => boolean;
}

// Puts the API's field violations on the controls they name: `prefix`[i] is the i-th category
// sent, reset_categories[i] the i-th reset.
export function placeViolations(
  error: unknown,
  prefix: 'settings.preferences' | 'preferences',
  sent: { preferences: readonly Category[]; resets?: readonly Category[] },
): PlacedViolations {
  const violations = (error as ApiError | null)?.fieldViolations ?? [];
  const byControl = new Map<string, string>();
  const placed = new Set<string>();
  let language: string | undefined;
  const row = new RegExp(`^${prefix.replace('.', '\\.')}\\[(\\d+)\\](?:\\.(\\w+))?$`);
  for (const v of violations) {
    let category: Category | undefined;
    let control: PreferenceControl = 'row';
    const pref = v.field.match(row);
    const reset = v.field.match(/^reset_categories\[(\d+)\]$/);
    if (v.field === 'settings.language') {
      language ??= v.description;
      placed.add(v.field);
      continue;
    } else if (pref) {
      category = sent.preferences[Number(pref[1])];
      control = kControls[pref[2] ?? ''] ?? 'row';
    } else if (reset) {
      category = sent.resets?.[Number(reset[1])];
    }
    if (!category) continue;
    const key = `${category}.${control}`;
    if (!byControl.has(key)) byControl.set(key, v.description);
    placed.add(v.field);
  }
  return {
    language,
    at: (category, control) => byControl.get(`${category}.${control}`),
    shown: (field) => placed.has(field),
  };
}
