/**
 * Mentions written in a document's rich text: read from the stored Y.Doc after each edit,
 * each notifies its person once per (document, mention). People who cannot read the
 * document, or are not in its pôle, are told nothing (notify drops them).
 */
import * as Y from "yjs";
import { BODY } from "../../../shared/documents";
import { MENTION_NODE } from "../../../shared/notifications";
import type { Ctx } from "../context";
import { notify } from "./notify";

export interface Mention {
  personId: string;
  /** The mention's own id; older mentions without one count once per person. */
  uid: string | null;
}

function collect(node: Y.XmlElement | Y.XmlFragment, found: Mention[]) {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === MENTION_NODE) {
      const personId = child.getAttribute("id");
      const uid = child.getAttribute("uid");
      if (typeof personId === "string" && personId) {
        found.push({ personId, uid: typeof uid === "string" && uid ? uid : null });
      }
    } else {
      collect(child, found);
    }
  }
}

/** The mentions of the rich text, read synchronously (the Y.Doc may change after). */
export function mentionsIn(doc: Y.Doc): Mention[] {
  const found: Mention[] = [];
  collect(doc.getXmlFragment(BODY), found);
  return found;
}

const eventKey = (documentId: string, mention: Mention) =>
  `mention:${documentId}:${mention.uid ?? mention.personId}`;

export async function notifyMentions(
  ctx: Ctx<"poleEvents">,
  { documentId, mentions }: { documentId: string; mentions: readonly Mention[] },
) {
  if (mentions.length === 0) return;
  const document = await ctx.db
    .selectFrom("documents")
    .select("title")
    .where("id", "=", documentId)
    .executeTakeFirst();
  if (!document) return;
  const told = new Set(
    (
      await ctx.db
        .selectFrom("notifications")
        .select(["recipient_id", "event_key"])
        .where(
          "event_key",
          "in",
          mentions.map((mention) => eventKey(documentId, mention)),
        )
        .execute()
    ).map((row) => `${row.recipient_id} ${row.event_key}`),
  );
  for (const mention of mentions) {
    const key = eventKey(documentId, mention);
    if (told.has(`${mention.personId} ${key}`)) continue;
    await notify(ctx, null, {
      recipientIds: [mention.personId],
      kind: "mention",
      eventKey: key,
      subject: { type: "document", id: documentId, detail: mention.uid ?? undefined },
      title: document.title,
    });
  }
}
