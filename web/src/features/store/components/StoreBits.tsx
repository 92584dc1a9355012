// Pieces the partner's store and the console share: an item's picture, an order's status, the
// order's code or tracking reference, and the order table.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/Icon';
import { labelOf } from '@/lib/api/enums';
import type { RedemptionOrder, RewardItem } from '@/lib/api/schema';
import { formatDate, formatPoints } from '@/lib/format';
import { itemImageUrl } from '../api/store';
import { ITEM_KIND_ICONS, ORDER_STATUS_LABELS, ORDER_STATUS_TONES } from '../labels';

export function ItemPicture({ item }: { item: RewardItem }) {
  if (item.imageId && item.imageId !== '0') {
    return <img className="store-item__picture" src={itemImageUrl(item.imageId)} alt="" loading="lazy" />;
  }
  return (
    <div className="store-item__picture store-item__picture--icon" aria-hidden="true">
      <Icon name={labelOf(ITEM_KIND_ICONS, item.kind) ?? 'gift'} size={40} />
    </div>
  );
}

export function OrderStatusPill({ status }: { status: RedemptionOrder['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill--${labelOf(ORDER_STATUS_TONES, status) ?? 'info'}`}>
      {t(labelOf(ORDER_STATUS_LABELS, status) ?? 'Unknown')}
    </span>
  );
}

// What the partner got: the code, or where the parcel is; the reason of a cancel or refusal.
export function OrderOutcome({ order }: { order: RedemptionOrder }) {
  const { t } = useTranslation();
  if (order.fulfilmentCode) {
    return (
      <span>
        {t('Code')}: <code>{order.fulfilmentCode}</code>
      </span>
    );
  }
  if (order.trackingReference) {
    return (
      <span>
        {t('Tracking')}: <code>{order.trackingReference}</code>
      </span>
    );
  }
  if (order.reason) return <span className="muted">{order.reason}</span>;
  return null;
}

// Orders as a table (cards on a phone); `showWho` adds the partner and person, `actions` the
// buttons for each order.
export function OrderTable({
  orders,
  showWho = false,
  actions,
  id,
}: {
  orders: RedemptionOrder[];
  showWho?: boolean;
  actions: (order: RedemptionOrder) => ReactNode;
  id: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="table table--cards" data-testid={id}>
      <thead>
        <tr>
          <th scope="col">{t('Order')}</th>
          {showWho && <th scope="col">{t('Ordered by')}</th>}
          <th scope="col">{t('Reward')}</th>
          <th scope="col" className="num">
            {t('Points')}
          </th>
          <th scope="col">{t('Status')}</th>
          <th scope="col">{t('Details')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('Actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-order={o.id}>
            <td data-label={t('Order')}>
              #{o.id} <span className="muted small">{formatDate(o.createTime)}</span>
            </td>
            {showWho && (
              <td data-label={t('Ordered by')}>
                {o.userName} <span className="muted small">{o.partnerName}</span>
              </td>
            )}
            <td data-label={t('Reward')}>
              {o.quantity && o.quantity > 1 ? `${o.quantity} × ` : ''}
              {o.itemName}
              {o.deliveryAddress && <div className="muted small">{o.deliveryAddress}</div>}
            </td>
            <td className="num" data-label={t('Points')}>
              {formatPoints(o.pointsTotal)}
            </td>
            <td data-label={t('Status')}>
              <OrderStatusPill status={o.status} />
            </td>
            <td data-label={t('Details')}>
              <OrderOutcome order={o} />
            </td>
            <td data-label={t('Actions')}>
              <div className="button-row">{actions(o)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
