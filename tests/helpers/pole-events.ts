/** A pôle's event stream (GET /api/poles/:poleId/events) read as an open page reads it. */
export async function listenToPole(
  server: { url: string },
  poleId: string,
  person: { cookie: string },
) {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/poles/${poleId}/events`, {
    headers: { cookie: person.cookie },
    signal: abort.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  let received = "";
  return {
    response,
    /** Reads on until `text` has come. */
    async until(text: string) {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${text}`);
        received += new TextDecoder().decode(value);
      }
    },
    received: () => received,
    stop: () => abort.abort(),
  };
}
