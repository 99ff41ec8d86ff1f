/**
 * Running a meeting over HTTP: the timer of its agenda items, the links of its items, and
 * a task turned into a board card. Bodies and answers defined once, for server and client.
 */
import { z } from "zod/mini";
import { itemLinkKinds } from "../meeting-run";
import { id } from "./fields";

export const TimerBody = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("start"), itemId: z.optional(id) }),
    z.object({ action: z.literal("pause") }),
    z.object({ action: z.literal("next") }),
  ],
  { error: "Action du minuteur inconnue : start, pause ou next." },
);
export type TimerBody = z.infer<typeof TimerBody>;

/** The timer as of the answer: the client counts on from when it received it. */
export const TimerView = z.object({
  timer: z.nullable(
    z.object({
      itemId: z.string(),
      running: z.boolean(),
      /** Milliseconds each item has taken, the current one up to the answer. */
      items: z.array(z.object({ itemId: z.string(), elapsedMs: z.number() })),
    }),
  ),
});
export type TimerView = z.infer<typeof TimerView>;

export const ItemLinkBody = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("need"), needId: id }),
    z.object({ kind: z.literal("card"), boardId: id, cardId: id }),
    z.object({ kind: z.literal("amendment"), amendmentId: id }),
  ],
  { error: `Type de lien inconnu : ${itemLinkKinds.join(", ")}.` },
);
export type ItemLinkBody = z.infer<typeof ItemLinkBody>;

export const ItemLinkView = z.object({
  id: z.string(),
  itemId: z.string(),
  kind: z.enum(itemLinkKinds),
  documentId: z.string(),
  targetId: z.string(),
  /** Null for a reader who may not read the target, or once the target is gone. */
  title: z.nullable(z.string()),
});
export type ItemLinkView = z.infer<typeof ItemLinkView>;
export const ItemLinkList = z.array(ItemLinkView);
