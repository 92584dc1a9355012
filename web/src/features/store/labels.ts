// Labels of the catalog's item kinds and order statuses (English; translated where shown).
import type { Known } from '@/lib/api/enums';
import type { IconName } from '@/components/Icon';
import type { ItemKind, OrderStatus } from './api/store';

export const ITEM_KIND_LABELS: Record<Known<ItemKind>, string> = {
  REWARD_ITEM_KIND_GIFT_CARD: 'Gift card',
  REWARD_ITEM_KIND_MERCHANDISE: 'Merchandise',
  REWARD_ITEM_KIND_TRAINING_VOUCHER: 'Training voucher',
  REWARD_ITEM_KIND_EVENT_SEAT: 'Event seat',
  REWARD_ITEM_KIND_DONATION: 'Donation',
};

// The picture an item without an uploaded one shows.
export const ITEM_KIND_ICONS: Record<Known<ItemKind>, IconName> = {
  REWARD_ITEM_KIND_GIFT_CARD: 'gift',
  REWARD_ITEM_KIND_MERCHANDISE: 'receipt',
  REWARD_ITEM_KIND_TRAINING_VOUCHER: 'book',
  REWARD_ITEM_KIND_EVENT_SEAT: 'flag',
  REWARD_ITEM_KIND_DONATION: 'spark',
};

export const ORDER_STATUS_LABELS: Record<Known<OrderStatus>, string> = {
  REDEMPTION_ORDER_STATUS_PLACED: 'Awaiting approval',
  REDEMPTION_ORDER_STATUS_APPROVED: 'Approved',
  REDEMPTION_ORDER_STATUS_FULFILLED: 'Sent',
  REDEMPTION_ORDER_STATUS_DELIVERED: 'Delivered',
  REDEMPTION_ORDER_STATUS_CANCELLED: 'Cancelled',
  REDEMPTION_ORDER_STATUS_REFUSED: 'Refused',
};

export const ORDER_STATUS_TONES: Record<Known<OrderStatus>, string> = {
  REDEMPTION_ORDER_STATUS_PLACED: 'warning',
  REDEMPTION_ORDER_STATUS_APPROVED: 'info',
  REDEMPTION_ORDER_STATUS_FULFILLED: 'info',
  REDEMPTION_ORDER_STATUS_DELIVERED: 'success',
  REDEMPTION_ORDER_STATUS_CANCELLED: 'muted',
  REDEMPTION_ORDER_STATUS_REFUSED: 'danger',
};
