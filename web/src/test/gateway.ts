// A stand-in for the gateway in tests: answers fetch by method and path and records every call.
import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  // The query parameters (repeated ones as arrays).
  params: Record<string, string | string[]>;
  body: unknown;
}

export type Answer = { status?: number; body: unknown } | ((call: Call) => { status?: number; body: unknown });

function paramsOf(url: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  const search = new URL(url, 'http://portal.test').searchParams;
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    params[key] = values.length > 1 ? values : values[0]!;
  }
  return params;
}

// Stubs fetch: `routes` maps "METHOD /path" (without the query) to an answer; unknown routes
// answer 404. Returns the list every call is recorded in.
export function stubGateway(routes: Record<string, Answer>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const call: Call = { method, url: String(url), params: paramsOf(String(url)), body: init?.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      const route = routes[`${method} ${call.url.split('?')[0]}`];
      if (!route) return new Response(JSON.stringify({ code: 5, message: `no route for ${method} ${call.url}` }), { status: 404 });
      const answer = typeof route === 'function' ? route(call) : route;
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }),
  );
  return calls;
}
