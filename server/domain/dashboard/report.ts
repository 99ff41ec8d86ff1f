/**
 * The funders' report: the dashboard in the shape an AMI application or a yearly activity
 * report asks for — identity of the pôle, the collective, the diagnostic, projects, jobs,
 * funding, governance, maturity — as blocks that every export format renders.
 */
import type { Dashboard } from "../../../shared/api/dashboard";
import type { CampaignResults } from "../../../shared/api/maturity";
import type { Maturity } from "../../../shared/collective";
import type { CompletenessCriterion } from "../../../shared/diagnostic/completeness";
import { choiceLabels, completenessLabels } from "../../../shared/diagnostic/labels";
import {
  godinMarkerLabels,
  type Indicator,
  objectives,
} from "../../../shared/maturity/referentiel";
import type { CircleKind, PoleRole } from "../../../shared/permissions";
import { type Block, plain, type Run } from "../exports/blocks";

const labels = {
  kind: { territoire: "PTCE de territoire", filiere: "PTCE de filière" },
  formalisation: {
    carried: "Porté par une structure membre ou informel",
    association: "Association",
    scic: "SCIC",
  },
  maturity: {
    emerging: "Émergent",
    developing: "En développement",
    established: "Historique",
  } satisfies Record<Maturity, string>,
  logics: {
    network: "Interconnaissance et réseau",
    support: "Accompagnement, incubation",
    engineering: "Ingénierie et développement de projets",
  },
  roles: {
    coordinator: "Coordination",
    member: "Membres",
    commenter: "Commentateurs",
    observer: "Observateurs",
  } satisfies Record<PoleRole, string>,
  circles: {
    core: "Noyau dur",
    steering: "Comité de pilotage",
    thematic: "Groupe thématique",
    project: "Groupe projet",
  } satisfies Record<CircleKind, string>,
};

const euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const NOT_ENOUGH = "pas assez de réponses";

const h2 = (text: string): Block => ({ type: "heading", level: 2, runs: plain(text) });
const h3 = (text: string): Block => ({ type: "heading", level: 3, runs: plain(text) });
const p = (text: string, muted = false): Block => ({ type: "paragraph", runs: plain(text), muted });
const table = (head: string[], rows: string[][]): Block => ({
  type: "table",
  header: true,
  rows: [head.map(plain), ...rows.map((row) => row.map(plain))],
});
const definition = (term: string, value: string): Block[] => {
  const runs: Run[] = [{ text: `${term} : `, bold: true }, { text: value || "non renseigné" }];
  return [{ type: "paragraph", runs }];
};
const figure = (value: number | null) => (value === null ? NOT_ENOUGH : decimal.format(value));

function identity({ pole }: Dashboard): Block[] {
  return [
    h2("1. Identité du pôle"),
    ...definition("Type", pole.kind ? labels.kind[pole.kind] : ""),
    ...definition("Territoire", pole.territory),
    ...definition("Logiques d'action", pole.actionLogics.map((l) => labels.logics[l]).join(", ")),
    ...definition(
      "Niveau de formalisation",
      pole.formalisation ? labels.formalisation[pole.formalisation] : "",
    ),
    ...definition("Structure porteuse", pole.carryingStructure),
    ...definition("Maturité déclarée", pole.maturity ? labels.maturity[pole.maturity] : ""),
  ];
}

function collective(d: Dashboard): Block[] {
  const last = d.growth.at(-1);
  return [
    h2("2. Le collectif"),
    p(
      `${d.members.total} membres et ${d.structures.total} structures${last ? ` (au ${last.quarter})` : ""}.`,
    ),
    table(
      ["Rôle", "Personnes"],
      d.members.byRole.map((row) => [labels.roles[row.key], String(row.count)]),
    ),
    h3("Structures par type"),
    d.structures.byKind.length === 0
      ? p("Aucune structure enregistrée.", true)
      : table(
          ["Type de structure", "Nombre"],
          d.structures.byKind.map((row) => [choiceLabels[row.key] ?? row.key, String(row.count)]),
        ),
    h3("Évolution par trimestre"),
    table(
      ["Trimestre", "Membres", "Structures"],
      d.growth.map((row) => [row.quarter, String(row.members), String(row.structures)]),
    ),
    h3(`Cercles et personnes actives (${d.activeDays} derniers jours)`),
    table(
      ["Cercle", "Nature", "Membres", "Actifs"],
      d.circles.map((c) => [c.name, labels.circles[c.kind], String(c.members), String(c.active)]),
    ),
  ];
}

function diagnostic(d: Dashboard): Block[] {
  if (!d.diagnostic) return [h2("3. Diagnostic de territoire"), p("Pas de diagnostic.", true)];
  return [
    h2("3. Diagnostic de territoire"),
    p(`${d.diagnostic.met} critère(s) atteint(s) sur ${d.diagnostic.total}.`),
    table(
      ["Critère", "Atteint", "Cible"],
      d.diagnostic.criteria.map((c) => [
        `${c.met ? "✓" : "✗"} ${completenessLabels[c.key as CompletenessCriterion] ?? c.key}`,
        String(c.count),
        String(c.target),
      ]),
    ),
  ];
}

function projects(d: Dashboard): Block[] {
  const money = (rows: Dashboard["funding"]["byFunder"], head: string) =>
    rows.length === 0
      ? p("Aucun financement enregistré.", true)
      : table(
          [head, "Sollicité", "Accordé", "Versé"],
          rows.map((row) => [
            row.key,
            euro.format(row.requested),
            euro.format(row.granted),
            euro.format(row.received),
          ]),
        );
  return [
    h2("4. Projets"),
    p(`${d.projects.total} projet(s).`),
    ...(d.projects.byStage.length === 0
      ? []
      : [
          table(
            ["Étape", "Projets"],
            d.projects.byStage.map((s) => [s.key, String(s.count)]),
          ),
        ]),
    h2("5. Emplois"),
    p(
      `Emplois créés : ${decimal.format(d.jobs.created)} ETP ; emplois maintenus : ${decimal.format(d.jobs.kept)} ETP.`,
    ),
    h2("6. Financements"),
    p(
      `Sollicités : ${euro.format(d.funding.totals.requested)} ; accordés : ${euro.format(d.funding.totals.granted)} ; versés : ${euro.format(d.funding.totals.received)}.`,
    ),
    h3("Par financeur"),
    money(d.funding.byFunder, "Financeur"),
    h3("Par année"),
    money(d.funding.byYear, "Année"),
  ];
}

function governance(d: Dashboard): Block[] {
  const seats = d.circles.map((c) => `${c.name} (${c.members})`).join(", ");
  return [
    h2("7. Gouvernance"),
    p(`Cercles : ${seats}.`),
    d.governance.length === 0
      ? p("Aucune décision adoptée ni réunion tenue dans l'espace pour l'instant.", true)
      : table(
          ["Trimestre", "Décisions adoptées", "Réunions tenues"],
          d.governance.map((q) => [q.quarter, String(q.decisions), String(q.meetings)]),
        ),
  ];
}

function maturity(d: Dashboard, results: CampaignResults | null, indicators: Indicator[]): Block[] {
  const blocks: Block[] = [h2("8. Maturité")];
  if (!d.maturity) return [...blocks, p("Aucune campagne d'auto-évaluation.", true)];
  const { campaign, markers } = d.maturity;
  blocks.push(
    p(
      `Dernière campagne : « ${campaign.title} » (${campaign.opensOn} – ${campaign.closesOn}), ${campaign.answered} réponse(s) sur ${campaign.respondents} personne(s) interrogée(s).`,
    ),
    h3("Repères de maturité (Institut Godin)"),
    table(
      ["Repère", "Niveau"],
      markers.map((m) => [
        godinMarkerLabels[m.marker],
        m.level ? labels.maturity[m.level] : "non évalué",
      ]),
    ),
  );
  if (!results) {
    return [...blocks, p("Les résultats seront publiés à la clôture de la campagne.", true)];
  }
  blocks.push(
    h3("Référentiel du Labo de l'ESS : moyennes par objectif (1 à 6)"),
    table(
      ["Objectif", "Importance", "Situation du pôle", "Répondants"],
      results.objectives.map((o) => [
        `${o.objective}. ${objectives.find((x) => x.key === o.objective)?.label ?? ""}`,
        figure(o.importance.mean),
        figure(o.standing.mean),
        String(Math.max(o.importance.count, o.standing.count)),
      ]),
    ),
    h3("Priorités : indicateurs jugés importants où le pôle se situe bas"),
  );
  const label = (id: string) => indicators.find((i) => i.id === id)?.label ?? id;
  blocks.push(
    results.priorities.length === 0
      ? p("Aucune priorité ne se dégage (ou pas assez de réponses).", true)
      : table(
          ["Indicateur", "Importance", "Situation", "Écart"],
          results.priorities
            .slice(0, 10)
            .map((x) => [
              label(x.indicatorId),
              figure(x.importance),
              figure(x.standing),
              figure(x.gap),
            ]),
        ),
  );
  return blocks;
}

export function funderReportBlocks(
  d: Dashboard,
  maturityResults: { results: CampaignResults; indicators: Indicator[] } | null,
  date: string,
): Block[] {
  return [
    { type: "heading", level: 1, runs: plain(`Rapport d'activité — ${d.pole.name}`) },
    p(`Établi le ${date} à partir de l'espace de travail du pôle.`, true),
    ...identity(d),
    ...collective(d),
    ...diagnostic(d),
    ...projects(d),
    ...governance(d),
    ...maturity(d, maturityResults?.results ?? null, maturityResults?.indicators ?? []),
  ];
}
