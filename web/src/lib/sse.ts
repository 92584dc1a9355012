import { useEffect, useRef } from 'react';

// Subscribes to one of the gateway's Server-Sent Event streams (a server-streaming RPC) while
// `url` is set. EventSource reconnects by itself, sending Last-Event-ID where the stream has
// ids. Each `data:` line is one JSON message.
export function useEventStream<T>(url: string | null, onMessage: (message: T) => void) {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    source.onmessage = (event) => {
      try {
        handler.current(JSON.parse(event.data) as T);
      } catch {
        // A message we cannot read is skipped; the next one carries the whole state again.
      }
    };
    return () => source.close();
  }, [url]);
}
