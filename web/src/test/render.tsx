import type { ReactElement, ReactNode } from 'react';
import { render, renderHook } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';

function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

// Renders a component with its own query cache and a router, as the app would.
export function renderWithProviders(ui: ReactElement) {
  const client = testQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

// Runs a hook with its own query cache (returned as `client`, to look into or seed).
export function renderHookWithProviders<Result, Props>(hook: (props: Props) => Result, options: { initialProps?: Props } = {}) {
  const client = testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, ...renderHook(hook, { wrapper, initialProps: options.initialProps }) };
}
