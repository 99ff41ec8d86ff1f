/**
 * The Labo de l'ESS référentiel (2012) and the Institut Godin's six maturity markers, as
 * DOMAIN.md words them. The référentiel is "open and non-prescriptive": a pôle adds its own
 * indicators and hides those it does not use; these are the ones every pôle starts from.
 * Objective i has two indicators only: the third is missing from the source, and a pôle
 * that knows it adds it as its own rather than us inventing one.
 */

export const generalObjectives = ["territoire", "cooperation", "economie"] as const;
export type GeneralObjective = (typeof generalObjectives)[number];

export const generalObjectiveLabels: Record<GeneralObjective, string> = {
  territoire: "Territoire",
  cooperation: "Coopération",
  economie: "Économie",
};

export const objectiveKeys = ["a", "b", "c", "d", "e", "f", "g", "h", "i"] as const;
export type ObjectiveKey = (typeof objectiveKeys)[number];

export interface Objective {
  key: ObjectiveKey;
  general: GeneralObjective;
  label: string;
  /** Short enough for a radar chart's axis. */
  short: string;
}

export const objectives: readonly Objective[] = [
  {
    key: "a",
    general: "territoire",
    label: "Développer l'ancrage territorial du PTCE (pôle, filière ou lieu)",
    short: "Ancrage territorial",
  },
  {
    key: "b",
    general: "territoire",
    label: "Contribuer à un développement local durable",
    short: "Développement durable",
  },
  {
    key: "c",
    general: "territoire",
    label: "Tenir compte des autres acteurs du territoire",
    short: "Autres acteurs",
  },
  {
    key: "d",
    general: "cooperation",
    label: "S'appuyer sur une éthique et des valeurs affirmées",
    short: "Éthique et valeurs",
  },
  {
    key: "e",
    general: "cooperation",
    label: "Encourager des coopérations et des mutualisations aux formes variées et innovantes",
    short: "Coopérations",
  },
  {
    key: "f",
    general: "cooperation",
    label: "Mettre en œuvre une gouvernance citoyenne des activités et des projets",
    short: "Gouvernance citoyenne",
  },
  {
    key: "g",
    general: "economie",
    label: "Contribuer au dynamisme économique du territoire",
    short: "Dynamisme économique",
  },
  {
    key: "h",
    general: "economie",
    label: "Encourager une recherche-développement pour un développement durable du territoire",
    short: "Recherche-développement",
  },
  {
    key: "i",
    general: "economie",
    label:
      "Conjuguer l'économie avec le social et l'environnement par la transversalité des actions",
    short: "Économie, social, environnement",
  },
];

export interface Indicator {
  id: string;
  objective: ObjectiveKey;
  label: string;
}

export const standardIndicators: readonly Indicator[] = [
  { id: "a1", objective: "a", label: "Disposer d'un lieu identifié et accessible" },
  {
    id: "a2",
    objective: "a",
    label: "Connaître le milieu local, ses acteurs, ses atouts et ses problèmes, son histoire",
  },
  {
    id: "a3",
    objective: "a",
    label: "Être connu et reconnu par les activités du PTCE et leurs effets",
  },
  { id: "b1", objective: "b", label: "Valoriser les ressources locales, matérielles et humaines" },
  {
    id: "b2",
    objective: "b",
    label: "Mettre en œuvre des démarches écoresponsables (RSE, ISO…) dans toutes les activités",
  },
  {
    id: "b3",
    objective: "b",
    label: "Rendre lisibles et attractifs pour les habitants les résultats et les projets",
  },
  {
    id: "c1",
    objective: "c",
    label: "Tenir compte des autres partenaires (grappe d'entreprises, agence de développement…)",
  },
  {
    id: "c2",
    objective: "c",
    label: "Développer des liens avec la société civile (associations, entreprises, écoles…)",
  },
  {
    id: "c3",
    objective: "c",
    label:
      "Tenir compte des autres niveaux de territoire et de leurs politiques (EPCI, pays, département, région, nation, Europe)",
  },
  {
    id: "d1",
    objective: "d",
    label: "Faire du respect et de la diversité des valeurs fondatrices du vivre ensemble",
  },
  {
    id: "d2",
    objective: "d",
    label:
      "Reconnaître la formation mutuelle et la connaissance comme des leviers du développement",
  },
  {
    id: "d3",
    objective: "d",
    label: "Pratiquer la solidarité en actes, au niveau local comme global",
  },
  {
    id: "e1",
    objective: "e",
    label: "Multiplier les types d'action en commun par l'utilisation des statuts de l'ESS",
  },
  {
    id: "e2",
    objective: "e",
    label: "Créer des synergies entre les entreprises du PTCE, voire au-delà",
  },
  {
    id: "e3",
    objective: "e",
    label: "Capitaliser les expériences et développer la formation à la coopération",
  },
  {
    id: "f1",
    objective: "f",
    label: "Co-construire la stratégie du PTCE selon le principe d'équivalence (démocratie)",
  },
  {
    id: "f2",
    objective: "f",
    label: "Pratiquer une gouvernance démocratique et innovante des activités et des projets",
  },
  {
    id: "f3",
    objective: "f",
    label: "Co-évaluer et co-questionner les résultats des entreprises parties prenantes",
  },
  {
    id: "g1",
    objective: "g",
    label: "Stabiliser le modèle économique et développer ses impacts en emplois",
  },
  {
    id: "g2",
    objective: "g",
    label:
      "Encourager les initiatives (privées, publiques, mixtes) et leurs porteurs avec les outils de l'ESS",
  },
  {
    id: "g3",
    objective: "g",
    label: "Mobiliser les finances du territoire pour le PTCE, et réciproquement",
  },
  {
    id: "h1",
    objective: "h",
    label:
      "Porter des innovations de produits et de services dans une perspective de développement durable",
  },
  {
    id: "h2",
    objective: "h",
    label: "Encourager la créativité des habitants, dont les jeunes",
  },
  {
    id: "h3",
    objective: "h",
    label:
      "Co-construire avec des partenaires des indicateurs de développement propres au territoire",
  },
  {
    id: "i1",
    objective: "i",
    label: "Assurer une veille économique, sociale et environnementale pour créer des passerelles",
  },
  {
    id: "i2",
    objective: "i",
    label: "Participer à l'insertion des personnes, notamment avec les entreprises de l'IAE",
  },
];

/** The 2012 survey's scale, for importance and for where the pôle stands. */
export const RATING_MIN = 1;
export const RATING_MAX = 6;
export const ratingScale = [1, 2, 3, 4, 5, 6] as const;
export type Rating = (typeof ratingScale)[number];

export const isStandardIndicator = (id: string) => standardIndicators.some((i) => i.id === id);

/** The Institut Godin's six markers, each argued on a shared sheet, never averaged. */
export const godinMarkers = [
  "needs",
  "plurality",
  "structuring",
  "involvement",
  "projects",
  "modelling",
] as const;
export type GodinMarker = (typeof godinMarkers)[number];

export const godinMarkerLabels: Record<GodinMarker, string> = {
  needs: "Identification et construction des besoins du territoire",
  plurality: "Pluralité et hétérogénéité des parties prenantes",
  structuring: "Structuration du collectif autour de ses axes de développement",
  involvement: "Implication des parties prenantes",
  projects: "Projets effectivement réalisés",
  modelling: "Capacité à décrire et modéliser son action pour la transmettre",
};
