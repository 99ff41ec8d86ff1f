/** The pôle profile's words (namespace "collective"), French first; registered when first imported. */
import { registerStrings, type Shape } from "../../lib/i18n";

export const fr = {
  personActions: {
    title: "Coordination",
    issueReset: "Lien pour changer de mot de passe",
    issueResetHint:
      "Quand le serveur n'envoie pas d'e-mails : transmettez ce lien à la personne, il sert une fois, pendant une heure.",
    resetLink: "Lien à transmettre",
    remove: "Retirer du pôle…",
    confirmTitle: "Retirer {{name}} du pôle ?",
    confirmText:
      "La personne quitte tous les cercles du pôle et n'y a plus accès ; ses documents ouverts se ferment. Son compte et ce qu'elle a écrit restent. Le journal garde qui l'a retirée et quand.",
    confirm: "Retirer {{name}}",
    removing: "Retrait…",
  },
  profile: {
    title: "Profil du pôle",
    intro:
      "Ce qui caractérise le pôle : son territoire, sa nature, ses logiques d'action, sa maturité et sa forme.",
    empty: "Le profil du pôle n'est pas encore rempli.",
    emptyCoordinator: "Le profil du pôle n'est pas encore rempli : commencez par le territoire.",
    updated: "Mis à jour le {{date}}",
    territory: "Territoire",
    territoryHint: "En quelques phrases : bassin de vie, rural ou urbain, ce qui le rassemble.",
    communes: "Communes et EPCI couverts",
    kind: "Nature du pôle",
    actionLogics: "Logiques d'action",
    actionLogicsHint: "Cumulables ; l'une domine souvent.",
    maturity: "Maturité",
    formalisation: "Niveau de formalisation",
    formalisationHint: "Ce n'est pas une échelle : un pôle peut passer par l'une ou l'autre forme.",
    guidance: "Points d'appui",
    vigilance: "Points de vigilance",
    carryingStructure: "Structure porteuse",
    hasPlace: "Le pôle dispose d'un lieu ou d'un tiers-lieu",
    place: "Le lieu",
    placeHint: "Son nom et ce qu'on y fait.",
    noPlace: "Pas de lieu propre",
    readOnly: "Le profil est tenu par la coordination ; chaque membre peut le lire.",
  },
  poleKinds: {
    territoire: "PTCE de territoire",
    filiere: "PTCE de filière",
  },
  poleKindHints: {
    territoire:
      "Répond aux besoins d'un territoire, sur plusieurs thèmes, proche des collectivités.",
    filiere: "Développe une filière, en circuits courts.",
  },
  actionLogics: {
    network: "Interconnaissance et réseau",
    support: "Accompagnement / incubation",
    engineering: "Ingénierie et développement de projets",
  },
  maturities: {
    emerging: "Émergent",
    developing: "En développement",
    established: "Historique",
  },
  maturityHints: {
    emerging: "Le collectif et le projet se forment.",
    developing: "Reconnu, il mène des projets concrets.",
    established: "Éprouvé, il peut transmettre sa méthode (essaimage).",
  },
  formalisation: {
    carried: {
      label: "Portage par une structure membre ou sans forme juridique",
      guidance:
        "S'appuie sur une structure membre existante ou fonctionne de façon informelle : comité de pilotage, groupes de travail thématiques et projets, noyau informel.",
      vigilance:
        "Faible visibilité du pôle ; la personne coordinatrice salariée est tiraillée entre sa structure employeuse et le pôle.",
    },
    association: {
      label: "Association",
      guidance:
        "Rapide à créer, elle peut signer des conventions et donne un employeur clair à la coordination.",
      vigilance: "Fragilité de la trésorerie.",
    },
    scic: {
      label: "SCIC (société coopérative d'intérêt collectif)",
      guidance:
        "Accueille tout type de partie prenante, collectivités comprises ; gouvernance démocratique ; peut lever du capital et commercer.",
      vigilance: "Demande un collectif solide et des formalités plus lourdes.",
    },
  },
};

export const en: Shape<typeof fr> = {
  personActions: {
    title: "Coordination",
    issueReset: "Link to change the password",
    issueResetHint:
      "When the server sends no e-mail: pass this link on to the person; it works once, for one hour.",
    resetLink: "Link to pass on",
    remove: "Remove from the pôle…",
    confirmTitle: "Remove {{name}} from the pôle?",
    confirmText:
      "The person leaves every circle of the pôle and loses access to it; their open documents close. Their account and what they wrote stay. The audit log keeps who removed them and when.",
    confirm: "Remove {{name}}",
    removing: "Removing…",
  },
  profile: {
    title: "Pôle profile",
    intro: "What characterises the pôle: its territory, kind, action logics, maturity and form.",
    empty: "The pôle's profile is not filled in yet.",
    emptyCoordinator: "The pôle's profile is not filled in yet: start with the territory.",
    updated: "Updated on {{date}}",
    territory: "Territory",
    territoryHint: "In a few sentences: the area, rural or urban, what brings it together.",
    communes: "Communes and EPCI covered",
    kind: "Kind of pôle",
    actionLogics: "Action logics",
    actionLogicsHint: "Cumulative; one usually dominates.",
    maturity: "Maturity",
    formalisation: "Formalisation level",
    formalisationHint: "Not a ladder: a pôle may pass through any of these forms.",
    guidance: "Strengths",
    vigilance: "Points of vigilance",
    carryingStructure: "Carrying structure",
    hasPlace: "The pôle has a place or a tiers-lieu",
    place: "The place",
    placeHint: "Its name and what happens there.",
    noPlace: "No place of its own",
    readOnly: "The coordination keeps the profile; every member can read it.",
  },
  poleKinds: { territoire: "Territory PTCE", filiere: "Sector PTCE" },
  poleKindHints: {
    territoire: "Answers a territory's needs across many themes, close to local authorities.",
    filiere: "Develops one sector, with short supply chains.",
  },
  actionLogics: {
    network: "Networking and mutual acquaintance",
    support: "Support / incubation",
    engineering: "Project engineering and development",
  },
  maturities: { emerging: "Emerging", developing: "Developing", established: "Established" },
  maturityHints: {
    emerging: "The collective and the project are forming.",
    developing: "Recognised, it runs concrete projects.",
    established: "Proven, it can pass on its method.",
  },
  formalisation: {
    carried: {
      label: "Carried by a member structure, or informal",
      guidance:
        "Relies on an existing member structure or works informally: steering committee, thematic and project working groups, informal core.",
      vigilance: "Low visibility; the hired coordinator is torn between employer and pôle.",
    },
    association: {
      label: "Association",
      guidance: "Quick to create, can sign agreements, gives the coordinator a clear employer.",
      vigilance: "Cash-flow fragility.",
    },
    scic: {
      label: "SCIC (collective-interest cooperative)",
      guidance:
        "Any kind of stakeholder including local authorities; democratic; can raise capital and trade.",
      vigilance: "Needs a solid collective and heavier formalities.",
    },
  },
};

registerStrings("collective", { fr, en });
