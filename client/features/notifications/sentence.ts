/** A notification in words, as the list shows it (the e-mails say the same). */
import type { TFunction } from "i18next";
import type { NotificationView } from "../../../shared/api/notifications";

export function sentence(t: TFunction<"notifications">, notification: NotificationView): string {
  const { kind, title, actor } = notification;
  if ((kind === "mention" || kind === "reply") && actor === null) {
    return t(kind === "mention" ? "sentence.mentionAnonymous" : "sentence.replyAnonymous", {
      title,
    });
  }
  return t(`sentence.${kind}`, { title, actor: actor?.name ?? "" });
}
