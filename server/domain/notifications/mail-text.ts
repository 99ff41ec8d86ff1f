/** The notification e-mails, in French: one event, or a digest grouped by kind. */
import type { NotificationKind } from "../../../shared/notifications";

export interface MailItem {
  kind: NotificationKind;
  title: string;
  actorName: string | null;
  /** Absolute address of the subject. */
  url: string;
}

/** What happened, in a sentence: the same words as the list in the app. */
export function sentence({ kind, title, actorName }: MailItem): string {
  const who = actorName ?? "Quelqu'un";
  switch (kind) {
    case "mention":
      return `${who} vous a mentionné·e dans « ${title} »`;
    case "reply":
      return `${who} a répondu à une discussion de « ${title} »`;
    case "decisionOpened":
      return `Une décision attend votre vote : « ${title} »`;
    case "decisionClosesTomorrow":
      return `Le vote sur « ${title} » se clôt demain`;
    case "meetingPlanned":
      return `Réunion planifiée : « ${title} »`;
    case "minutesPublished":
      return `Compte rendu publié : « ${title} »`;
    case "taskAssigned":
      return `Une tâche vous est confiée : « ${title} »`;
    case "taskOverdue":
      return `Tâche en retard : « ${title} »`;
    case "invitationAccepted":
      return `${title} a rejoint le pôle`;
  }
}

export const kindHeading: Record<NotificationKind, string> = {
  mention: "Mentions",
  reply: "Réponses",
  decisionOpened: "Décisions à voter",
  decisionClosesTomorrow: "Votes qui se closent demain",
  meetingPlanned: "Réunions planifiées",
  minutesPublished: "Comptes rendus publiés",
  taskAssigned: "Tâches confiées",
  taskOverdue: "Tâches en retard",
  invitationAccepted: "Arrivées dans le pôle",
};

export function eventText(
  name: string,
  item: MailItem,
  unsubscribeUrl: string,
): { subject: string; text: string } {
  return {
    subject: sentence(item),
    text: [
      `Bonjour ${name},`,
      "",
      `${sentence(item)}.`,
      item.url,
      "",
      "— Maillage",
      "",
      `Ne plus recevoir ces e-mails (${kindHeading[item.kind].toLowerCase()}) : ${unsubscribeUrl}`,
    ].join("\n"),
  };
}

export function digestText(
  name: string,
  period: "daily" | "weekly",
  groups: ReadonlyArray<{ kind: NotificationKind; items: MailItem[]; unsubscribeUrl: string }>,
): { subject: string; text: string } {
  const count = groups.reduce((sum, group) => sum + group.items.length, 0);
  const lines = [`Bonjour ${name},`, "", "Voici ce qui s'est passé dans vos pôles :", ""];
  for (const group of groups) {
    lines.push(`${kindHeading[group.kind]}`);
    for (const item of group.items) lines.push(`- ${sentence(item)} : ${item.url}`);
    lines.push(`  (ne plus recevoir : ${group.unsubscribeUrl})`, "");
  }
  lines.push("— Maillage");
  return {
    subject: `${period === "daily" ? "Votre résumé du jour" : "Votre résumé de la semaine"} : ${count} nouvelle${count > 1 ? "s" : ""}`,
    text: lines.join("\n"),
  };
}
