/**
 * The French words of the diagnostic: table, field and choice labels and the completeness
 * criteria. Imports nothing, so that the client's i18n (loaded on every page) can use them
 * without pulling in Yjs and the schemas; the exports speak them too.
 */

export const tableLabels = {
  trends: "Grandes tendances",
  actors: "Acteurs du territoire",
  needs: "Besoins et problématiques",
  findings: "Constats partagés",
  sources: "Sources",
  meetings: "Rencontres",
  themes: "Thématiques retenues",
} as const;

export const fieldLabels = {
  trends: {
    title: "Indicateur",
    value: "Valeur",
    unit: "Unité",
    year: "Année",
    scale: "Échelle",
    source: "Source",
  },
  actors: {
    name: "Nom",
    type: "Type",
    sector: "Secteur",
    competencies: "Compétences",
    problems: "Problématiques exprimées",
    vision: "Vision",
    contact: "État du contact",
    structureId: "Structure membre",
  },
  needs: {
    title: "Besoin ou problématique",
    description: "Description",
    actorIds: "Exprimé par",
    themeId: "Thématique",
    priority: "Priorité",
    status: "Statut",
    meetingId: "Rencontre d'origine",
  },
  findings: {
    title: "Constat",
    needIds: "Besoins",
    sourceIds: "Sources",
    meetingId: "Rencontre d'origine",
  },
  sources: {
    title: "Titre",
    author: "Auteur ou organisme",
    year: "Année",
    kind: "Nature",
    link: "Lien",
  },
  meetings: {
    title: "Objet",
    date: "Date",
    kind: "Type de rencontre",
    actorIds: "Acteurs rencontrés",
    notes: "Notes",
  },
  themes: {
    title: "Thématique",
    description: "Description",
    circleId: "Groupe thématique",
  },
} as const;

/** French words of every stored value. */
export const choiceLabels: Record<string, string> = {
  association: "Association",
  scop: "SCOP",
  scic: "SCIC",
  cae: "CAE",
  esus: "Entreprise ESUS",
  company: "Entreprise",
  tpe_pme: "TPE, PME",
  local_authority: "Collectivité",
  research: "Recherche",
  training: "Formation",
  citizen: "Habitants, citoyens",
  other: "Autre",
  spotted: "Repéré",
  met: "Rencontré",
  member: "Membre",
  high: "Haute",
  medium: "Moyenne",
  low: "Basse",
  to_explore: "À creuser",
  shared: "Partagé",
  retained: "Retenu",
  dismissed: "Écarté",
  authority_diagnostic: "Diagnostic d'une collectivité",
  study: "Étude",
  interview: "Entretien",
  collective_meeting: "Réunion collective",
  individual: "Rencontre individuelle",
  collective: "Rencontre collective",
  commune: "Commune",
  epci: "EPCI",
  living_area: "Bassin de vie",
  department: "Département",
  region: "Région",
  country: "France",
  agree: "D'accord",
  reserved: "Réservé",
  disagree: "Pas d'accord",
  proposed: "Proposé",
  debated: "En discussion",
  contested: "Contesté",
};

export const completenessLabels = {
  trends: "Grandes tendances socio-économiques dégagées (indicateur, valeur et année)",
  actors: "Acteurs du territoire recensés",
  actorProfiles: "Acteurs décrits avec leurs compétences, problématiques et visions",
  sharedFinding: "Constat partagé par le comité de pilotage",
} as const;
