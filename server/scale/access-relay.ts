/**
 * Access changes cross instances: what the domain announces here is published on Redis,
 * and what the others announce is followed here, so that a membership change, a logout or
 * a removal made through one instance cuts the sockets open on every one.
 */
import { z } from "zod";
import type { AccessEvent, AccessEvents } from "../domain/access-events";
import type { RedisBus } from "./redis-bus";

const channel = "maillage:access";

const Relayed = z.object({
  from: z.string(),
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("rights-changed"), poleId: z.string(), userId: z.string() }),
    z.object({ type: z.literal("sessions-ended"), sessionIds: z.array(z.string()) }),
    z.object({
      type: z.literal("user-sessions-ended"),
      userId: z.string(),
      except: z.string().nullable(),
    }),
    z.object({ type: z.literal("document-moved"), documentId: z.string() }),
  ]),
});

export async function relayAccessEvents(
  bus: RedisBus,
  events: AccessEvents,
  follow: (event: AccessEvent) => void,
): Promise<void> {
  await bus.subscribe(channel, (message) => {
    const parsed = Relayed.safeParse(JSON.parse(message.toString()));
    if (parsed.success && parsed.data.from !== bus.instanceId) follow(parsed.data.event);
  });
  events.subscribe((event) =>
    bus.publish(channel, JSON.stringify({ from: bus.instanceId, event })),
  );
}
