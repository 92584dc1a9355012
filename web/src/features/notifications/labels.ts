// Names of notification categories and email deliveries (English; translated where shown).
import type { TFunction } from 'i18next';
import { labelOf, type Known } from '@/lib/api/enums';
import type { NotificationPreference } from '@/lib/api/schema';

export type NotificationCategory = NonNullable<NotificationPreference['category']>;
export type NotificationDelivery = NonNullable<NotificationPreference['delivery']>;

export const CATEGORY_LABELS: Record<Known<NotificationCategory>, string> = {
  NOTIFICATION_CATEGORY_CLAIMS: 'Claims',
  NOTIFICATION_CATEGORY_PAYOUTS: 'Payouts',
  NOTIFICATION_CATEGORY_ACHIEVEMENTS: 'Badges and levels',
  NOTIFICATION_CATEGORY_TIERS: 'Partner tier',
  NOTIFICATION_CATEGORY_TRAINING: 'Certifications',
  NOTIFICATION_CATEGORY_PROGRAMS: 'Programs and surveys',
  NOTIFICATION_CATEGORY_ORDERS: 'Rewards store orders',
  NOTIFICATION_CATEGORY_DISPUTES: 'Disputes',
  NOTIFICATION_CATEGORY_REVIEW: 'Claim review',
  NOTIFICATION_CATEGORY_BUDGETS: 'Program budgets',
};

export const DELIVERY_LABELS: Record<Known<NotificationDelivery>, string> = {
  NOTIFICATION_DELIVERY_IMMEDIATE: 'At once',
  NOTIFICATION_DELIVERY_DAILY_DIGEST: 'Daily digest',
};

export const kDeliveries = Object.keys(DELIVERY_LABELS) as Array<Known<NotificationDelivery>>;

// A category's name in the user's language. Translated in the "category" context: the same
// English word names something else elsewhere in the portal ("Claim review" is also a page).
export function categoryName(t: TFunction, category: NotificationCategory | undefined): string {
  const label = labelOf(CATEGORY_LABELS, category);
  return label ? t(label, { context: 'category' }) : t('Other notifications');
}
