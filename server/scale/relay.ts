/**
 * In-process announcements made cross-instance: what the domain announces here is
 * published on a Redis channel, and what the other instances announce there is followed
 * here. Access changes (a membership change, a logout, a removal made through one
 * instance cuts the sockets open on every one) and the pôles' event stream (a vote seen
 * live on every instance) go this way.
 */
import { z } from "zod";
import { poleEventTypes } from "../../shared/pole-events";
import type { AccessEvent, AccessEvents } from "../domain/access-events";
import type { PoleEvents } from "../domain/pole-events";
import type { RedisBus } from "./redis-bus";

/**
 * Publishes every message `subscribeLocal` hears, and hands `follow` those of the other
 * instances that `schema` accepts.
 */
async function relay<T>(
  bus: RedisBus,
  channel: string,
  schema: z.ZodType<T>,
  subscribeLocal: (publish: (message: T) => void) => void,
  follow: (message: T) => void,
): Promise<void> {
  const Relayed = z.object({ from: z.string(), message: schema });
  await bus.subscribe(channel, (raw) => {
    const parsed = Relayed.safeParse(JSON.parse(raw.toString()));
    if (parsed.success && parsed.data.from !== bus.instanceId) follow(parsed.data.message);
  });
  subscribeLocal((message) =>
    bus.publish(channel, JSON.stringify({ from: bus.instanceId, message })),
  );
}

const AccessEventSchema: z.ZodType<AccessEvent> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("rights-changed"), poleId: z.string(), userId: z.string() }),
  z.object({ type: z.literal("sessions-ended"), sessionIds: z.array(z.string()) }),
  z.object({
    type: z.literal("user-sessions-ended"),
    userId: z.string(),
    except: z.string().nullable(),
  }),
  z.object({ type: z.literal("document-moved"), documentId: z.string() }),
]);

/** The other instances' access changes go to `follow` (the sync layer), not to `events`. */
export const relayAccessEvents = (
  bus: RedisBus,
  events: AccessEvents,
  follow: (event: AccessEvent) => void,
) =>
  relay(bus, "maillage:access", AccessEventSchema, (publish) => events.subscribe(publish), follow);

const PoleEventMessage = z.object({
  poleId: z.string(),
  event: z.object({
    type: z.enum(poleEventTypes),
    id: z.string(),
    documentId: z.optional(z.string()),
  }),
});

/**
 * The other instances' pôle events reach this instance's listeners (the event streams,
 * the decision closer) through `events` itself, without being published again.
 */
export function relayPoleEvents(bus: RedisBus, events: PoleEvents): Promise<void> {
  let fromElsewhere = false;
  return relay(
    bus,
    "maillage:pole-events",
    PoleEventMessage,
    (publish) =>
      events.subscribe((poleId, event) => {
        if (!fromElsewhere) publish({ poleId, event });
      }),
    ({ poleId, event }) => {
      fromElsewhere = true;
      try {
        events.publish(poleId, event);
      } finally {
        fromElsewhere = false;
      }
    },
  );
}
