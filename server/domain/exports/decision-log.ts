/**
 * The decision log (relevé de décisions) outside the workspace: what was decided, by which
 * circle, how, when, with what dissent. One model of blocks for ODT, DOCX and printable
 * HTML, and a CSV with one line per decision.
 */
import type { DecisionView } from "../../../shared/api/decisions";
import type { DecisionMethod, DecisionOutcome } from "../../../shared/decisions";
import { type Block, plain } from "./blocks";
import { frenchCsv } from "./csv";

const methodLabels: Record<DecisionMethod, string> = {
  consent: "Consentement",
  majority: "Majorité simple",
  qualified: "Majorité qualifiée",
  unanimity: "Unanimité",
  colleges: "Collèges pondérés",
};

const outcomeLabels: Record<DecisionOutcome, string> = {
  adopted: "Adoptée",
  rejected: "Rejetée",
  no_quorum: "Quorum non atteint",
};

const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const percent = (fraction: number) => `${number.format(fraction * 100)} %`;
const day = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(
    new Date(iso),
  );

const outcomeLabel = (decision: DecisionView) =>
  decision.outcome ? outcomeLabels[decision.outcome] : "En cours";

function howDecided(decision: DecisionView): string {
  const parts = [methodLabels[decision.method]];
  if (decision.threshold !== null) parts.push(`seuil ${percent(decision.threshold)}`);
  if (decision.quorum > 0) parts.push(`quorum ${percent(decision.quorum)}`);
  if (decision.anonymous) parts.push("vote anonyme");
  return parts.join(", ");
}

function votes(decision: DecisionView): string {
  const { tally } = decision;
  const cast =
    decision.method === "consent"
      ? `${tally.consent} consentement(s), ${tally.objection} objection(s)`
      : `${tally.for} pour, ${tally.against} contre, ${tally.abstain} abstention(s)`;
  return `${cast} — ${tally.voted} votant(s) sur ${tally.electorate}`;
}

function decisionBlocks(decision: DecisionView): Block[] {
  const opened = `Ouverte le ${day(decision.openedAt)}${decision.author ? ` par ${decision.author.name}` : ""}`;
  const closed = decision.closedAt ? `, close le ${day(decision.closedAt)}` : "";
  const blocks: Block[] = [
    { type: "heading", level: 2, runs: plain(decision.title) },
    {
      type: "paragraph",
      runs: [
        { text: "Issue : ", bold: true },
        { text: outcomeLabel(decision) },
        { text: "", lineBreak: true },
        { text: "Cercle : ", bold: true },
        { text: decision.circleName },
        { text: "", lineBreak: true },
        { text: "Méthode : ", bold: true },
        { text: howDecided(decision) },
        { text: "", lineBreak: true },
        { text: "Votes : ", bold: true },
        { text: votes(decision) },
      ],
    },
    { type: "paragraph", muted: true, runs: plain(`${opened}${closed}.`) },
  ];
  if (decision.text)
    blocks.push({ type: "quote", blocks: [{ type: "paragraph", runs: plain(decision.text) }] });
  if (decision.colleges) {
    blocks.push({
      type: "table",
      header: true,
      rows: [
        ["Collège", "Poids", "Pour", "Contre", "Abstention", "Résultat"].map(plain),
        ...decision.colleges.map((college) =>
          [
            college.name,
            `${number.format(college.weight)} %`,
            String(college.for),
            String(college.against),
            String(college.abstain),
            college.result === null ? "non compté" : percent(college.result),
          ].map(plain),
        ),
      ],
    });
    if (decision.weightedResult !== undefined && decision.weightedResult !== null) {
      blocks.push({
        type: "paragraph",
        runs: plain(`Résultat pondéré : ${percent(decision.weightedResult)}`),
      });
    }
  }
  if (decision.objections.length > 0) {
    blocks.push({ type: "heading", level: 3, runs: plain("Objections") });
    blocks.push({
      type: "list",
      ordered: false,
      items: decision.objections.map((objection) => [
        {
          type: "paragraph",
          runs: objection.name
            ? [{ text: `${objection.name} : `, bold: true }, { text: objection.reason }]
            : plain(objection.reason),
        },
      ]),
    });
  }
  return blocks;
}

export function decisionLogBlocks(
  poleName: string,
  decisions: readonly DecisionView[],
  exportedAt: Date,
): Block[] {
  return [
    { type: "heading", level: 1, runs: plain(`Relevé de décisions — ${poleName}`) },
    {
      type: "paragraph",
      muted: true,
      runs: plain(`${decisions.length} décision(s), exporté le ${day(exportedAt.toISOString())}`),
    },
    ...(decisions.length === 0
      ? [{ type: "paragraph", runs: plain("Aucune décision pour ces critères.") } satisfies Block]
      : decisions.flatMap(decisionBlocks)),
  ];
}

const fraction = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : number.format(value);

export function decisionLogCsv(decisions: readonly DecisionView[]): string {
  const header = [
    "Ouverte le",
    "Cercle",
    "Décision",
    "Méthode",
    "Quorum",
    "Seuil",
    "Issue",
    "Close le",
    "Électorat",
    "Votants",
    "Pour",
    "Contre",
    "Abstentions",
    "Consentements",
    "Objections",
    "Résultat pondéré",
    "Raisons des objections",
    "Proposée par",
  ];
  const rows = decisions.map((decision) => [
    decision.openedAt.slice(0, 10),
    decision.circleName,
    decision.title,
    methodLabels[decision.method],
    fraction(decision.quorum),
    fraction(decision.threshold),
    outcomeLabel(decision),
    decision.closedAt?.slice(0, 10) ?? "",
    String(decision.tally.electorate),
    String(decision.tally.voted),
    String(decision.tally.for),
    String(decision.tally.against),
    String(decision.tally.abstain),
    String(decision.tally.consent),
    String(decision.tally.objection),
    fraction(decision.weightedResult),
    decision.objections.map((o) => (o.name ? `${o.name} : ${o.reason}` : o.reason)).join(" | "),
    decision.author?.name ?? "",
  ]);
  return frenchCsv([header, ...rows]);
}
