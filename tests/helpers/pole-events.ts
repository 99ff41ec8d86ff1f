/** The pôle's event stream (GET /api/poles/:poleId/events) as a page opens it, for tests. */
import type { Endpoint } from "./sync-client";

export interface EventStream {
  status: number;
  contentType: string | null;
  /** Reads until `text` has arrived; throws if the stream ends first. */
  until(text: string): Promise<void>;
  /** Everything received so far. */
  received(): string;
  close(): void;
}

/** Opens the stream as this person and waits for its `ready` event. */
export async function openEventStream(
  server: Pick<Endpoint, "url">,
  person: { cookie: string },
  poleId: string,
): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/poles/${poleId}/events`, {
    headers: { cookie: person.cookie },
    signal: abort.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error(`no event stream: ${response.status}`);
  let received = "";
  const stream: EventStream = {
    status: response.status,
    contentType: response.headers.get("content-type"),
    async until(text) {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before ${text}`);
        received += new TextDecoder().decode(value);
      }
    },
    received: () => received,
    close: () => abort.abort(),
  };
  await stream.until("event: ready");
  return stream;
}
