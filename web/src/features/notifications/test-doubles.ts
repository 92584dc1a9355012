// Test doubles of the notification tests: the gateway's answers by method and path, and an
// EventSource the test feeds.
import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Answer = { status?: number; body: unknown } | ((call: Call) => { status?: number; body: unknown });

// Stubs fetch: `routes` maps "METHOD /path" (without the query) to an answer; every call is
// recorded in the returned list.
export function stubGateway(routes: Record<string, Answer>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const call = { method, url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      const route = routes[`${method} ${call.url.split('?')[0]}`];
      if (!route) return new Response(JSON.stringify({ code: 5, message: `no route for ${method} ${call.url}` }), { status: 404 });
      const answer = typeof route === 'function' ? route(call) : route;
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }),
  );
  return calls;
}

// An EventSource whose messages the test sends with emit().
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  close() {
    this.closed = true;
  }
  emit(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
}
