import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ProductStatus } from '@/lib/api/enums';
import type { ImportProductsFromCsvResponse, ListProductsResponse, Product } from '@/lib/api/schema';

export interface ProductFilter {
  query?: string;
  status?: ProductStatus;
}

// The catalog for program admins: products by SKU or name and status, 50 a page.
export function useProducts(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: ['products', 'list', filter],
    queryFn: ({ pageParam }) => api.get<ListProductsResponse>('/v1/products', { ...filter, pageSize: 50, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    placeholderData: (previous) => previous,
  });
}

function useProductMutation<T, R>(call: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['products'] }) });
}

export function useCreateProduct() {
  // The body is the product itself (the route's body: "product").
  return useProductMutation((product: Product) => api.post<Product>('/v1/products', product));
}

// Changes the `mask` fields of a product read at `product.etag`.
export function useUpdateProduct() {
  return useProductMutation(({ product, mask }: { product: Product; mask: string[] }) =>
    api.patch<Product>(`/v1/products/${product.id}`, product, mask),
  );
}

// Checks (validateOnly) or imports a CSV of products; each row says what it does or what is wrong.
export function useImportProductsCsv() {
  return useProductMutation((input: { csv: string; validateOnly: boolean }) =>
    api.post<ImportProductsFromCsvResponse>('/v1/products:importCsv', input),
  );
}
