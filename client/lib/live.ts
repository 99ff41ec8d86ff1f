/**
 * The pôle's event stream (GET /api/poles/:poleId/events): one EventSource per pôle, shared
 * by every component that asks for it. An event `{ type, id }` invalidates the queries
 * whose key starts with `type`, or with a run of event types that holds it (a page that
 * follows several kinds of news), so each open page refetches what changed with its own
 * rights. On every (re)connection all of them refetch: events missed while cut off count.
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { type PoleEvent, type PoleEventType, poleEventTypes } from "../../shared/pole-events";

interface Stream {
  source: EventSource;
  users: number;
}

const streams = new Map<string, Stream>();

const isEventType = (part: unknown): part is PoleEventType =>
  poleEventTypes.some((type) => type === part);

const isPoleEvent = (value: unknown): value is PoleEvent =>
  typeof value === "object" &&
  value !== null &&
  "type" in value &&
  "id" in value &&
  isEventType(value.type) &&
  typeof value.id === "string";

/** Whether a query keyed `key` refetches on events of `type`: the key's leading event types. */
function listensTo(key: readonly unknown[], type: PoleEventType): boolean {
  for (const part of key) {
    if (part === type) return true;
    if (!isEventType(part)) return false;
  }
  return false;
}

function open(poleId: string, queryClient: QueryClient): Stream {
  const source = new EventSource(`/api/poles/${encodeURIComponent(poleId)}/events`);
  source.addEventListener("ready", () => {
    for (const type of poleEventTypes) void queryClient.invalidateQueries({ queryKey: [type] });
  });
  source.addEventListener("message", (message: MessageEvent<string>) => {
    let event: unknown;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!isPoleEvent(event)) return;
    const { type } = event;
    void queryClient.invalidateQueries({ predicate: (query) => listensTo(query.queryKey, type) });
  });
  return { source, users: 0 };
}

/** Keeps the pôle's stream open while the calling component is mounted. */
export function usePoleEvents(poleId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!poleId) return;
    const stream = streams.get(poleId) ?? open(poleId, queryClient);
    streams.set(poleId, stream);
    stream.users += 1;
    return () => {
      stream.users -= 1;
      if (stream.users === 0) {
        stream.source.close();
        streams.delete(poleId);
      }
    };
  }, [poleId, queryClient]);
}
