/**
 * The outlines new documents start from (DOMAIN.md), written as the Yjs structure that
 * Tiptap's Collaboration extension reads: `heading` and `paragraph` elements in `body`.
 */
import * as Y from "yjs";
import { boardInitialState } from "../../shared/board-doc";
import { BODY, type DocumentKind } from "../../shared/documents";

export type Outline = ReadonlyArray<{ heading: string; guidance: string }>;

const diagnostic: Outline = [
  {
    heading: "Périmètre et identité du territoire",
    guidance:
      "Communes et EPCI couverts, bassin de vie, caractère rural ou urbain, ce qui fait l'identité du territoire.",
  },
  {
    heading: "Grandes tendances socio-économiques",
    guidance:
      "Emploi, démographie, activités en croissance ou en déclin : croiser les diagnostics des collectivités et les constats des acteurs.",
  },
  {
    heading: "Acteurs du territoire",
    guidance:
      "Structures de l'ESS, entreprises, collectivités, recherche, habitants : leurs compétences, leurs problématiques, leurs visions.",
  },
  {
    heading: "Besoins et problématiques",
    guidance:
      "Ce que les rencontres individuelles et collectives ont fait ressortir, avec qui l'a exprimé.",
  },
  {
    heading: "Constats partagés",
    guidance: "Les constats sur lesquels le comité de pilotage s'accorde.",
  },
  {
    heading: "Thématiques retenues",
    guidance:
      "Les thèmes qui structurent le pôle (réemploi, mobilité, alimentation…) et deviennent ses groupes thématiques.",
  },
  { heading: "Sources", guidance: "Études, diagnostics des collectivités, entretiens, réunions." },
];

const charter: Outline = [
  {
    heading: "Préambule et raison d'être",
    guidance: "Pourquoi ce pôle existe, sur quel territoire, pour répondre à quels besoins.",
  },
  {
    heading: "Valeurs partagées",
    guidance:
      "Coopération, mutualisation, lien social et solidarité… en référence à la charte nationale des PTCE.",
  },
  {
    heading: "Membres et niveaux d'implication",
    guidance:
      "Noyau dur, comité de pilotage, groupes thématiques, groupes projet : qui y siège et comment on y entre.",
  },
  {
    heading: "Instances et modes de décision",
    guidance:
      "Qui décide de quoi, comment (consentement, consensus, vote), à quelle fréquence se réunissent les instances.",
  },
  {
    heading: "Niveau de formalisation",
    guidance:
      "Portage par une structure membre, association ou SCIC : le choix fait et ses points de vigilance.",
  },
  {
    heading: "Engagements des membres",
    guidance: "Ce que chacun apporte et ce qu'il peut attendre du collectif ; adhésion et sortie.",
  },
  {
    heading: "Révision de la charte",
    guidance: "Comment la charte est amendée, adoptée et versionnée.",
  },
];

const outlines: Partial<Record<DocumentKind, Outline>> = { diagnostic, charter };

// Tiptap reads node attributes with their types (a heading's level is a number).
type Attributes = Record<string, string | number>;

function element(name: string, text: string, attributes: Attributes = {}) {
  const node = new Y.XmlElement<Attributes>(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.insert(0, [new Y.XmlText(text)]);
  return node;
}

/** The initial state of a new document of this kind, or null when it starts empty. */
export function initialState(kind: DocumentKind): Uint8Array | null {
  // A board starts with its columns, the default project stages, rather than an outline.
  if (kind === "board") return boardInitialState();
  const outline = outlines[kind];
  return outline ? outlineState(outline) : null;
}

/** A rich text made of the outline's headings, each followed by its guidance. */
export function outlineState(outline: Outline): Uint8Array {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(BODY);
  const nodes = outline.flatMap(({ heading, guidance }) => [
    element("heading", heading, { level: 2 }),
    element("paragraph", guidance),
  ]);
  // Yjs types element attributes as strings; the numbers are what Tiptap expects.
  body.insert(0, nodes as unknown as Y.XmlElement[]);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Appends a section (heading, empty paragraph) to a live document's body. */
export function appendSection(doc: Y.Doc, heading: string) {
  const body = doc.getXmlFragment(BODY);
  const nodes = [element("heading", heading, { level: 2 }), element("paragraph", "")];
  body.insert(body.length, nodes as unknown as Y.XmlElement[]);
}
