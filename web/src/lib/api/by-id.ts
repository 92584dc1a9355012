// Reading the things a page names by id (people, programs, partners), rather than lists of
// everyone: each thing is its own cached query, and where a List RPC has an `ids` filter, the ids
// asked for in the same tick (every row of a table mounting at once) go out in one request.
import { useQueries, type QueryKey } from '@tanstack/react-query';

// Names change rarely: a thing read once is not read again for this long.
const kByIdStaleMs = 5 * 60_000;

// The rows with `ids` by id (repeats, blanks and '0', no one, left out), each read by
// `query(id)` once and cached under its key, so a re-render or the next page reads only new ids.
// Ids not read yet, or not the caller's to see, are missing from the map.
export function useRowsById<T>(
  ids: readonly string[],
  query: (id: string) => { queryKey: QueryKey; queryFn: () => Promise<T | null> },
): Map<string, T> {
  const wanted = [...new Set(ids)].filter((id) => id && id !== '0');
  const results = useQueries({ queries: wanted.map((id) => ({ ...query(id), staleTime: kByIdStaleMs })) });
  const map = new Map<string, T>();
  wanted.forEach((id, i) => {
    const row = results[i]?.data;
    if (row) map.set(id, row);
  });
  return map;
}

interface Waiter<T> {
  resolve: (row: T | null) => void;
  reject: (error: unknown) => void;
}

export interface IdBatchOptions<T> {
  // Reads the rows with these ids (at most `max`); ids it does not answer are unknown to the caller.
  read: (ids: string[]) => Promise<T[]>;
  idOf: (row: T) => string | undefined;
  max: number;
}

// A load(id) that resolves to the row with that id, or null when the server answered none (not
// there, or not the caller's to see); it rejects with the request's error.
export function idBatches<T>({ read, idOf, max }: IdBatchOptions<T>): (id: string) => Promise<T | null> {
  let queue = new Map<string, Array<Waiter<T>>>();
  let scheduled = false;

  const send = async (batch: Map<string, Array<Waiter<T>>>) => {
    const ids = [...batch.keys()];
    try {
      const rows = await read(ids);
      const byId = new Map(rows.map((row) => [idOf(row) ?? '', row]));
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(byId.get(id) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  };

  const flush = () => {
    scheduled = false;
    const all = [...queue.entries()];
    queue = new Map();
    for (let i = 0; i < all.length; i += max) void send(new Map(all.slice(i, i + max)));
  };

  return (id) =>
    new Promise<T | null>((resolve, reject) => {
      const waiters = queue.get(id) ?? [];
      waiters.push({ resolve, reject });
      queue.set(id, waiters);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
}
