import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { Tabs } from '@/components/Tabs';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known } from '@/lib/api/enums';
import type { FulfilRedemptionOrdersFromCsvResponse, RedemptionOrder, RewardItem } from '@/lib/api/schema';
import { formatPoints } from '@/lib/format';
import { managesPartners, usePrincipal } from '@/lib/principal';
import {
  useAdjustStock,
  useFulfilFromCsv,
  useOrderAction,
  useOrders,
  useRewardItems,
  useSaveItem,
  useUploadItemImage,
  type ItemKind,
  type OrderStatus,
} from '../api/store';
import { ITEM_KIND_LABELS, ORDER_STATUS_LABELS } from '../labels';
import { ItemPicture, OrderTable } from './StoreBits';
import '../store.css';

type Tab = 'orders' | 'catalog' | 'bulk';

// /store for vendor staff: the order queue (approve, refuse, fulfil, cancel), the catalog with
// its stock alerts, and fulfilment of many orders from a CSV file.
export default function CatalogConsolePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('orders');
  const lowStock = useRewardItems({ lowStockOnly: true });
  const alerts = lowStock.data?.items ?? [];
  return (
    <Page title={t('Rewards catalog')} subtitle={t('Orders to handle, the catalog and its stock.')}>
      {alerts.length > 0 && (
        <div className="notice notice--warning" role="status" data-testid="stock-alert">
          {lowStock.hasNextPage
            ? t('More than {{count}} items are low on stock, among them:', { count: alerts.length })
            : t('{{count}} items are low on stock:', { count: alerts.length })}{' '}
          {alerts.map((i) => `${i.name} (${i.stock})`).join(', ')}
        </div>
      )}
      <Tabs
        label={t('Rewards catalog')}
        tabs={[
          { id: 'orders', label: t('Orders') },
          { id: 'catalog', label: t('Catalog') },
          { id: 'bulk', label: t('Bulk fulfilment') },
        ]}
        selected={tab}
        onSelect={setTab}
      />
      <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'orders' && <OrderQueue />}
        {tab === 'catalog' && <CatalogEditor />}
        {tab === 'bulk' && <BulkFulfilment />}
      </div>
    </Page>
  );
}

const kQueueStatuses: Array<Known<OrderStatus>> = [
  'REDEMPTION_ORDER_STATUS_PLACED',
  'REDEMPTION_ORDER_STATUS_APPROVED',
  'REDEMPTION_ORDER_STATUS_FULFILLED',
  'REDEMPTION_ORDER_STATUS_DELIVERED',
  'REDEMPTION_ORDER_STATUS_CANCELLED',
  'REDEMPTION_ORDER_STATUS_REFUSED',
];

function OrderQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OrderStatus | ''>('REDEMPTION_ORDER_STATUS_PLACED');
  const orders = useOrders({ status });
  const { role } = usePrincipal();
  return (
    <Card id="order-queue">
      <div className="filters">
        <SelectField
          id="order-status"
          label={t('Status')}
          value={status}
          onValueChange={(v) => setStatus(v as OrderStatus | '')}
          options={[
            ...kQueueStatuses.map((s) => ({ value: s, label: t(labelOf(ORDER_STATUS_LABELS, s) ?? s) })),
            { value: '', label: t('All orders') },
          ]}
        />
      </div>
      <QueryView query={orders}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{t('No orders here.')}</Empty>
          ) : (
            <>
              <OrderTable
                id="queue-table"
                orders={list}
                showWho
                actions={(o) => (managesPartners(role) ? <HandleOrder order={o} /> : null)}
              />
              <LoadMore query={orders} label={t('Show more orders')} />
            </>
          )
        }
      </QueryView>
    </Card>
  );
}

type Step = 'refuse' | 'fulfil' | 'cancel' | null;

function HandleOrder({ order }: { order: RedemptionOrder }) {
  const { t } = useTranslation();
  const act = useOrderAction();
  const toasts = useToasts();
  const [step, setStep] = useState<Step>(null);
  const [text, setText] = useState('');
  const shipped = order.itemKind === 'REWARD_ITEM_KIND_MERCHANDISE';
  const run = (action: 'approve' | 'refuse' | 'fulfil' | 'deliver' | 'cancel', extra = {}) =>
    act.mutate(
      { orderId: order.id ?? '', action, ...extra },
      { onSuccess: () => toasts.show(t('Order #{{id}} updated.', { id: order.id }), 'success') },
    );
  if (step) {
    const field = step === 'fulfil' ? (shipped ? 'tracking_reference' : 'fulfilment_code') : 'reason';
    const label =
      step === 'fulfil' ? (shipped ? t('Tracking reference') : t('Code or reference')) : t('Reason');
    const submit = (e: FormEvent) => {
      e.preventDefault();
      run(step, step === 'fulfil' ? (shipped ? { trackingReference: text } : { fulfilmentCode: text }) : { reason: text });
    };
    return (
      <form className="inline-form" onSubmit={submit}>
        <InputField
          id={`${step}-${order.id}`}
          label={label}
          value={text}
          onValueChange={setText}
          error={act.error instanceof ApiError ? act.error.fieldError(field) : undefined}
        />
        <FormErrors error={act.error} shown={(f) => f === field} />
        <FormActions
          pending={act.isPending}
          submitLabel={step === 'fulfil' ? t('Mark sent') : step === 'refuse' ? t('Refuse') : t('Cancel order')}
          pendingLabel={t('Saving…')}
          onCancel={() => setStep(null)}
        />
      </form>
    );
  }
  switch (order.status) {
    case 'REDEMPTION_ORDER_STATUS_PLACED':
      return (
        <>
          <button type="button" className="button button--primary button--inline" onClick={() => run('approve')}>
            {t('Approve')}
            <span className="visually-hidden"> #{order.id}</span>
          </button>
          <button type="button" className="button button--ghost" onClick={() => setStep('refuse')}>
            {t('Refuse')}
          </button>
        </>
      );
    case 'REDEMPTION_ORDER_STATUS_APPROVED':
      return (
        <>
          <button type="button" className="button button--primary button--inline" onClick={() => setStep('fulfil')}>
            {t('Fulfil')}
            <span className="visually-hidden"> #{order.id}</span>
          </button>
          <button type="button" className="button button--ghost" onClick={() => setStep('cancel')}>
            {t('Cancel order')}
          </button>
        </>
      );
    case 'REDEMPTION_ORDER_STATUS_FULFILLED':
      return (
        <>
          <button type="button" className="button button--ghost" onClick={() => run('deliver')}>
            {t('Mark delivered')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setStep('cancel')}>
            {t('Cancel order')}
          </button>
        </>
      );
    default:
      return null;
  }
}

function CatalogEditor() {
  const { t } = useTranslation();
  const items = useRewardItems({ includeRetired: true });
  const { role } = usePrincipal();
  const editable = role === 'ROLE_PROGRAM_ADMIN';
  const [editing, setEditing] = useState<RewardItem | null>(null);
  if (editing) return <ItemForm item={editing} onDone={() => setEditing(null)} />;
  return (
    <Card
      id="catalog-items"
      actions={
        editable && (
          <button type="button" className="button button--primary button--inline" onClick={() => setEditing({})}>
            {t('New reward')}
          </button>
        )
      }
    >
      <QueryView query={items}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{t('The catalog is empty.')}</Empty>
          ) : (
            <>
              <ul className="catalog-list">
                {list.map((item) => (
                  <CatalogRow key={item.id} item={item} editable={editable} onEdit={() => setEditing(item)} />
                ))}
              </ul>
              <LoadMore query={items} label={t('Show more rewards')} />
            </>
          )
        }
      </QueryView>
    </Card>
  );
}

function CatalogRow({ item, editable, onEdit }: { item: RewardItem; editable: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const adjust = useAdjustStock();
  const upload = useUploadItemImage();
  const toasts = useToasts();
  const [delta, setDelta] = useState('');
  const retired = item.status === 'REWARD_ITEM_STATUS_RETIRED';
  return (
    <li className="catalog-row" data-item={item.name}>
      <ItemPicture item={item} />
      <div className="catalog-row__body">
        <h3 className="store-item__name">
          {item.name} {retired && <span className="pill pill--danger">{t('Retired')}</span>}
          {item.lowStock && <span className="pill pill--warning">{t('Low stock')}</span>}
        </h3>
        <p className="small muted">
          {t(labelOf(ITEM_KIND_LABELS, item.kind) ?? 'Reward')} · {t('{{points}} points', { points: formatPoints(item.pointsPrice) })} ·{' '}
          {item.unlimitedStock ? t('Unlimited stock') : t('{{count}} in stock', { count: Number(item.stock ?? 0) })}
          {item.approvalPoints && item.approvalPoints !== '0'
            ? ` · ${t('Approval from {{points}} points', { points: formatPoints(item.approvalPoints) })}`
            : ''}
        </p>
        {editable && (
          <div className="button-row">
            <button type="button" className="button button--ghost" onClick={onEdit}>
              {t('Edit')}
              <span className="visually-hidden"> {item.name}</span>
            </button>
            <label className="button button--ghost file-button">
              {t('Upload picture')}
              <input
                type="file"
                accept="image/png,image/jpeg"
                className="visually-hidden"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) {
                    upload.mutate(
                      { itemId: item.id ?? '', file },
                      { onSuccess: () => toasts.show(t('Picture saved.'), 'success') },
                    );
                  }
                }}
              />
            </label>
            {!item.unlimitedStock && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  adjust.mutate(
                    { itemId: item.id ?? '', delta: Number(delta), reason: t('Stock count in the console') },
                    { onSuccess: () => setDelta('') },
                  );
                }}
              >
                <InputField
                  id={`stock-${item.id}`}
                  label={t('Add or remove units')}
                  type="number"
                  value={delta}
                  onValueChange={setDelta}
                  error={adjust.error instanceof ApiError ? adjust.error.message : undefined}
                />
                <button type="submit" className="button button--ghost" disabled={!delta || adjust.isPending}>
                  {t('Change stock')}
                </button>
              </form>
            )}
          </div>
        )}
        {upload.error instanceof ApiError && (
          <p className="form-error" role="alert">
            {upload.error.message}
          </p>
        )}
      </div>
    </li>
  );
}

const kKinds: Array<Known<ItemKind>> = [
  'REWARD_ITEM_KIND_GIFT_CARD',
  'REWARD_ITEM_KIND_MERCHANDISE',
  'REWARD_ITEM_KIND_TRAINING_VOUCHER',
  'REWARD_ITEM_KIND_EVENT_SEAT',
  'REWARD_ITEM_KIND_DONATION',
];

const kEditPaths = [
  'name',
  'description',
  'kind',
  'points_price',
  'availability',
  'per_user_limit',
  'approval_points',
  'low_stock_threshold',
  'status',
];

function codes(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function ItemForm({ item, onDone }: { item: RewardItem; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveItem();
  const toasts = useToasts();
  const creating = !item.id;
  const [name, setName] = useState(item.name ?? '');
  const [description, setDescription] = useState(item.description ?? '');
  const [kind, setKind] = useState<string>(item.kind ?? 'REWARD_ITEM_KIND_GIFT_CARD');
  const [price, setPrice] = useState(item.pointsPrice ?? '');
  const [unlimited, setUnlimited] = useState(item.unlimitedStock ?? false);
  const [stock, setStock] = useState(item.stock ?? '0');
  const [limit, setLimit] = useState(String(item.perUserLimit ?? 0));
  const [approval, setApproval] = useState(item.approvalPoints ?? '');
  const [alertAt, setAlertAt] = useState(item.lowStockThreshold ?? '0');
  const [tiers, setTiers] = useState((item.availability?.tiers ?? []).join(', '));
  const [regions, setRegions] = useState((item.availability?.regions ?? []).join(', '));
  const [status, setStatus] = useState<string>(item.status ?? 'REWARD_ITEM_STATUS_ACTIVE');
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (f: string) => error?.fieldError(`item.${f}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out: RewardItem = {
      id: item.id,
      etag: item.etag,
      name,
      description,
      kind: kind as ItemKind,
      pointsPrice: price,
      unlimitedStock: unlimited,
      stock: creating ? stock : undefined,
      perUserLimit: Number(limit),
      approvalPoints: approval,
      lowStockThreshold: alertAt,
      availability: { ...item.availability, tiers: codes(tiers), regions: codes(regions) },
      status: creating ? undefined : (status as RewardItem['status']),
    };
    save.mutate(
      { item: out, paths: creating ? undefined : kEditPaths },
      {
        onSuccess: () => {
          toasts.show(creating ? t('Reward added to the catalog.') : t('Reward saved.'), 'success');
          onDone();
        },
      },
    );
  };
  return (
    <Card id="item-form" title={creating ? t('New reward') : t('Edit {{name}}', { name: item.name })}>
      <form className="stack" onSubmit={submit}>
        <InputField id="item-name" label={t('Name')} value={name} onValueChange={setName} error={fieldError('name')} />
        <TextAreaField
          id="item-description"
          label={t('Description')}
          value={description}
          onValueChange={setDescription}
          rows={3}
          error={fieldError('description')}
        />
        <SelectField
          id="item-kind"
          label={t('Kind')}
          value={kind}
          onValueChange={setKind}
          options={kKinds.map((k) => ({ value: k, label: t(ITEM_KIND_LABELS[k]) }))}
          error={fieldError('kind')}
        />
        <InputField
          id="item-price"
          label={t('Price in points')}
          inputMode="numeric"
          value={price}
          onValueChange={setPrice}
          error={fieldError('points_price')}
        />
        {creating && (
          <label className="checkbox">
            <input type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} />
            {t('Unlimited stock (codes, donations)')}
          </label>
        )}
        {creating && !unlimited && (
          <InputField id="item-stock" label={t('Opening stock')} type="number" min={0} value={stock} onValueChange={setStock} error={fieldError('stock')} />
        )}
        <InputField
          id="item-limit"
          label={t('Most per person (0: no limit)')}
          type="number"
          min={0}
          value={limit}
          onValueChange={setLimit}
          error={fieldError('per_user_limit')}
        />
        <InputField
          id="item-approval"
          label={t('Orders from this many points wait for approval (empty: none)')}
          inputMode="numeric"
          value={approval}
          onValueChange={setApproval}
          error={fieldError('approval_points')}
        />
        <InputField
          id="item-alert"
          label={t('Stock alert at')}
          type="number"
          min={0}
          value={alertAt}
          onValueChange={setAlertAt}
          error={fieldError('low_stock_threshold')}
        />
        <InputField
          id="item-tiers"
          label={t('Only for tiers (comma-separated; empty: all)')}
          value={tiers}
          onValueChange={setTiers}
          error={fieldError('availability.tiers[0]')}
        />
        <InputField
          id="item-regions"
          label={t('Only for regions (comma-separated; empty: all)')}
          value={regions}
          onValueChange={setRegions}
          error={fieldError('availability.regions[0]')}
        />
        {!creating && (
          <SelectField
            id="item-status"
            label={t('Status')}
            value={status}
            onValueChange={setStatus}
            options={[
              { value: 'REWARD_ITEM_STATUS_ACTIVE', label: t('In the store') },
              { value: 'REWARD_ITEM_STATUS_RETIRED', label: t('Retired') },
            ]}
          />
        )}
        <FormErrors error={save.error} shown={(f) => kEditPaths.some((p) => f === `item.${p}`) || f === 'item.stock'} />
        <FormActions pending={save.isPending} submitLabel={t('Save')} pendingLabel={t('Saving…')} onCancel={onDone} />
      </form>
    </Card>
  );
}

function BulkFulfilment() {
  const { t } = useTranslation();
  const fulfil = useFulfilFromCsv();
  const toasts = useToasts();
  const [csv, setCsv] = useState('order_id,fulfilment_code,tracking_reference\n');
  const [result, setResult] = useState<FulfilRedemptionOrdersFromCsvResponse | null>(null);
  const send = (validateOnly: boolean) =>
    fulfil.mutate(
      { csv, validateOnly },
      {
        onSuccess: (r) => {
          setResult(r);
          if (r.fulfilled) toasts.show(t('{{count}} orders marked sent.', { count: r.fulfilled }), 'success');
        },
      },
    );
  const bad = (result?.rows ?? []).filter((r) => r.error);
  return (
    <Card id="bulk-fulfilment">
      <p className="small muted">
        {t('One row per approved order: its number and the code (gift cards, vouchers, seats) or the tracking reference (merchandise). Every row is checked first; nothing is written while a row has an error.')}
      </p>
      <label className="button button--ghost file-button">
        {t('Choose a CSV file')}
        <input
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setCsv);
          }}
        />
      </label>
      <TextAreaField
        id="bulk-csv"
        label={t('CSV')}
        value={csv}
        onValueChange={(v) => {
          setCsv(v);
          setResult(null);
        }}
        rows={8}
        error={fulfil.error instanceof ApiError ? fulfil.error.fieldError('csv') : undefined}
      />
      <div className="button-row">
        <button type="button" className="button button--ghost" disabled={fulfil.isPending} onClick={() => send(true)}>
          {t('Check')}
        </button>
        <button type="button" className="button button--primary button--inline" disabled={fulfil.isPending} onClick={() => send(false)}>
          {t('Fulfil these orders')}
        </button>
      </div>
      {result && (
        <div role="status" data-testid="bulk-result">
          {bad.length > 0 ? (
            <>
              <p className="form-error">{t('{{count}} rows need a fix; nothing was written.', { count: bad.length })}</p>
              <ul className="small">
                {bad.map((r) => (
                  <li key={r.line}>
                    {t('Line {{line}}', { line: r.line })}: {r.error}
                  </li>
                ))}
              </ul>
            </>
          ) : result.fulfilled ? (
            <p>{t('{{count}} orders marked sent.', { count: result.fulfilled })}</p>
          ) : (
            <p>{t('All {{count}} rows are fine.', { count: result.rows?.length ?? 0 })}</p>
          )}
        </div>
      )}
    </Card>
  );
}
