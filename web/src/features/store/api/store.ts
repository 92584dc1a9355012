// The rewards catalog and redemption orders: the partner's store and order history, and the
// console's catalog editing, order queue and CSV fulfilment.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '@/lib/api-client';
import { useServerPages } from '@/lib/api/server-pages';
import type {
  FulfilRedemptionOrdersFromCsvResponse,
  ListRedemptionOrdersResponse,
  ListRewardItemsResponse,
  RedemptionOrder,
  RewardItem,
} from '@/lib/api/schema';

export type OrderStatus = NonNullable<RedemptionOrder['status']>;
export type ItemKind = NonNullable<RewardItem['kind']>;
export type OrderAction = 'approve' | 'refuse' | 'fulfil' | 'deliver' | 'cancel';

export const storeKeys = {
  all: ['store'] as const,
  items: (filter: object) => ['store', 'items', filter] as const,
  orders: (filter: object) => ['store', 'orders', filter] as const,
};

// Partner users: the items they may see, with their balance on every page. Vendor staff: the
// catalog. A page at a time.
export function useRewardItems(filter: { lowStockOnly?: boolean; includeRetired?: boolean } = {}, pageSize = 50) {
  return useServerPages<ListRewardItemsResponse, 'items'>({
    queryKey: [...storeKeys.items(filter), pageSize],
    path: '/v1/reward-items',
    params: filter,
    field: 'items',
    pageSize,
    keepPrevious: true,
  });
}

// Orders (partner users: their own), a page at a time.
export function useOrders(filter: { status?: OrderStatus | ''; itemId?: string } = {}) {
  return useServerPages<ListRedemptionOrdersResponse, 'orders'>({
    queryKey: storeKeys.orders(filter),
    path: '/v1/redemption-orders',
    params: { status: filter.status || undefined, itemId: filter.itemId },
    field: 'orders',
    pageSize: 50,
    keepPrevious: true,
  });
}

// Every change to the catalog or an order may move balances, stock and queues: refetch them all.
function useStoreMutation<V, T>(fn: (vars: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: storeKeys.all });
      void client.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

export interface PlaceOrder {
  idempotencyKey: string;
  itemId: string;
  quantity: number;
  deliveryAddress?: string;
}

export function usePlaceOrder() {
  return useStoreMutation((order: PlaceOrder) => api.post<RedemptionOrder>('/v1/redemption-orders', order));
}

export interface ActOnOrder {
  orderId: string;
  action: OrderAction;
  reason?: string;
  fulfilmentCode?: string;
  trackingReference?: string;
}

export function useOrderAction() {
  return useStoreMutation(({ orderId, action, ...body }: ActOnOrder) =>
    api.post<RedemptionOrder>(`/v1/redemption-orders/${orderId}:${action}`, body),
  );
}

export function useSaveItem() {
  return useStoreMutation(({ item, paths }: { item: RewardItem; paths?: string[] }) =>
    item.id ? api.patch<RewardItem>(`/v1/reward-items/${item.id}`, item, paths) : api.post<RewardItem>('/v1/reward-items', item),
  );
}

export function useAdjustStock() {
  return useStoreMutation(({ itemId, delta, reason }: { itemId: string; delta: number; reason: string }) =>
    api.post<RewardItem>(`/v1/reward-items/${itemId}:adjustStock`, { delta, reason }),
  );
}

export function useUploadItemImage() {
  return useStoreMutation(({ itemId, file }: { itemId: string; file: File }) =>
    uploadFile<RewardItem>('/v1/reward-item-images', file, { itemId }),
  );
}

export function useFulfilFromCsv() {
  return useStoreMutation(({ csv, validateOnly }: { csv: string; validateOnly: boolean }) =>
    api.post<FulfilRedemptionOrdersFromCsvResponse>('/v1/redemption-orders:fulfilFromCsv', { csv, validateOnly }),
  );
}

export function itemImageUrl(imageId: string): string {
  return `/v1/reward-item-images/${imageId}`;
}
