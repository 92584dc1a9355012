import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Icon } from '@/components/Icon';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, ErrorMessage, Loading } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf } from '@/lib/api/enums';
import type { RedemptionOrder, RewardItem } from '@/lib/api/schema';
import { gapText } from '@/lib/eligibility-gaps';
import { formatNumber, formatPoints } from '@/lib/format';
import { useOrderAction, useOrders, usePlaceOrder, useRewardItems } from '../api/store';
import { ITEM_KIND_LABELS } from '../labels';
import { ItemPicture, OrderTable } from './StoreBits';
import '../store.css';

// /store for partner users: their points, the rewards they can spend them on (what is missing
// for the others), and their orders as they go through fulfilment.
export default function StorePage() {
  const { t } = useTranslation();
  const items = useRewardItems();
  const orders = useOrders();
  if (items.isError) {
    return (
      <Page title={t('Rewards store')}>
        <ErrorMessage error={items.error} />
      </Page>
    );
  }
  if (items.isPending) return <Loading />;
  const list = items.data.items;
  const pointsBalance = items.data.pages[0]?.pointsBalance;
  return (
    <Page title={t('Rewards store')} subtitle={t('Spend your points on rewards.')}>
      <Card id="points-balance" title={t('Your points')}>
        <p className="big-number">
          {formatNumber(pointsBalance ?? '0')}
          <span className="big-number__unit">{t('points to spend')}</span>
        </p>
      </Card>
      <Card id="store-items" title={t('Rewards')}>
        {list.length === 0 ? (
          <Empty>{t('The store has no rewards for you yet.')}</Empty>
        ) : (
          <>
            <ul className="store-grid">
              {list.map((item) => (
                <StoreItem key={item.id} item={item} />
              ))}
            </ul>
            <LoadMore query={items} label={t('Show more rewards')} />
          </>
        )}
      </Card>
      <Card id="my-orders" title={t('Your orders')}>
        {orders.isPending ? (
          <Loading />
        ) : orders.isError ? (
          <ErrorMessage error={orders.error} />
        ) : orders.data.items.length === 0 ? (
          <Empty>{t('You have not ordered anything yet.')}</Empty>
        ) : (
          <>
            <OrderTable id="orders-table" orders={orders.data.items} actions={(o) => <MyOrderActions order={o} />} />
            <LoadMore query={orders} label={t('Show more orders')} />
          </>
        )}
      </Card>
    </Page>
  );
}

function StoreItem({ item }: { item: RewardItem }) {
  const { t } = useTranslation();
  const [ordering, setOrdering] = useState(false);
  const short = Number(item.pointsShort ?? '0');
  const locked = (item.gaps ?? []).length > 0;
  const outOfStock = !item.unlimitedStock && Number(item.stock ?? '0') <= 0;
  return (
    <li className="store-item" data-item={item.name}>
      <ItemPicture item={item} />
      <div className="store-item__body">
        <p className="eyebrow">{t(labelOf(ITEM_KIND_LABELS, item.kind) ?? 'Reward')}</p>
        <h3 className="store-item__name">{item.name}</h3>
        {item.description && <p className="small">{item.description}</p>}
        <p className="store-item__price">{t('{{points}} points', { points: formatPoints(item.pointsPrice) })}</p>
        {!item.unlimitedStock && !outOfStock && Number(item.stock) <= 5 && (
          <p className="small store-item__scarce">{t('Only {{count}} left', { count: Number(item.stock) })}</p>
        )}
        {locked ? (
          <ul className="gap-list small">
            {(item.gaps ?? []).map((gap, i) => {
              const text = gapText(gap, t);
              return (
                <li key={i}>
                  <Icon name="lock" size={14} /> {text.reason} <span className="muted">{text.step}</span>
                </li>
              );
            })}
          </ul>
        ) : outOfStock ? (
          <p className="muted small">{t('Out of stock')}</p>
        ) : short > 0 ? (
          <p className="store-item__short">{t('{{points}} more points for this', { points: formatPoints(item.pointsShort) })}</p>
        ) : ordering ? (
          <OrderForm item={item} onDone={() => setOrdering(false)} />
        ) : (
          <button type="button" className="button button--primary button--inline" onClick={() => setOrdering(true)}>
            {t('Redeem')}
            <span className="visually-hidden"> {item.name}</span>
          </button>
        )}
      </div>
    </li>
  );
}

function OrderForm({ item, onDone }: { item: RewardItem; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const place = usePlaceOrder();
  // One key per form: a retry after a lost answer places nothing twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [quantity, setQuantity] = useState('1');
  const [address, setAddress] = useState('');
  const shipped = item.kind === 'REWARD_ITEM_KIND_MERCHANDISE';
  const error = place.error instanceof ApiError ? place.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate(
      { idempotencyKey, itemId: item.id ?? '', quantity: Number(quantity), deliveryAddress: shipped ? address : undefined },
      {
        onSuccess: (order) => {
          toasts.show(
            order.status === 'REDEMPTION_ORDER_STATUS_PLACED'
              ? t('Order placed: it waits for approval. Your points are held.')
              : t('Order placed: {{points}} points spent.', { points: formatPoints(order.pointsTotal) }),
            'success',
          );
          onDone();
        },
      },
    );
  };
  const id = `order-${item.id}`;
  return (
    <form className="store-order" onSubmit={submit} aria-label={t('Order {{name}}', { name: item.name })}>
      <InputField
        id={`${id}-quantity`}
        label={t('Quantity')}
        type="number"
        min={1}
        max={100}
        value={quantity}
        onValueChange={setQuantity}
        error={error?.fieldError('quantity')}
      />
      {shipped && (
        <TextAreaField
          id={`${id}-address`}
          label={t('Delivery address')}
          value={address}
          onValueChange={setAddress}
          rows={3}
          error={error?.fieldError('delivery_address')}
        />
      )}
      <FormErrors error={place.error} shown={(f) => f === 'quantity' || f === 'delivery_address'} />
      <FormActions pending={place.isPending} submitLabel={t('Place order')} pendingLabel={t('Placing…')} onCancel={onDone} />
    </form>
  );
}

// What the person who ordered may still do: cancel before it is sent, confirm it arrived.
function MyOrderActions({ order }: { order: RedemptionOrder }) {
  const { t } = useTranslation();
  const act = useOrderAction();
  const toasts = useToasts();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const open = order.status === 'REDEMPTION_ORDER_STATUS_PLACED' || order.status === 'REDEMPTION_ORDER_STATUS_APPROVED';
  if (order.status === 'REDEMPTION_ORDER_STATUS_FULFILLED') {
    return (
      <button
        type="button"
        className="button button--ghost"
        disabled={act.isPending}
        onClick={() => act.mutate({ orderId: order.id ?? '', action: 'deliver' })}
      >
        {t('Mark received')}
      </button>
    );
  }
  if (!open) return null;
  if (!cancelling) {
    return (
      <button type="button" className="button button--ghost" onClick={() => setCancelling(true)}>
        {t('Cancel order')}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        act.mutate(
          { orderId: order.id ?? '', action: 'cancel', reason },
          { onSuccess: () => toasts.show(t('Order cancelled: your points are back.'), 'success') },
        );
      }}
    >
      <InputField
        id={`cancel-${order.id}`}
        label={t('Why cancel?')}
        value={reason}
        onValueChange={setReason}
        error={act.error instanceof ApiError ? act.error.fieldError('reason') : undefined}
      />
      <FormErrors error={act.error} shown={(f) => f === 'reason'} />
      <FormActions pending={act.isPending} submitLabel={t('Cancel order')} pendingLabel={t('Cancelling…')} onCancel={() => setCancelling(false)} />
    </form>
  );
}
