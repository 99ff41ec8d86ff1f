/** The directory's words (qui fait quoi) (namespace "collective"), French first; registered when first imported. */
import { registerStrings, type Shape } from "../../lib/i18n";

export const fr = {
  directory: {
    title: "Qui fait quoi",
    intro: "Les personnes et les structures du pôle : qui sait faire quoi, qui cherche quoi.",
    search: "Rechercher",
    searchHint: "Un nom, une compétence, une structure… les accents sont facultatifs.",
    competency: "Compétence",
    circle: "Cercle",
    legalForm: "Type de structure",
    any: "Tous",
    results: "{{count}} personne trouvée",
    results_other: "{{count}} personnes trouvées",
    noResult: "Personne ne correspond à cette recherche.",
    reset: "Effacer les filtres",
    people: "Personnes",
    structures: "Structures membres",
    noStructures: "Aucune structure enregistrée pour l'instant.",
    myProfile: "Mon profil",
  },
  structureRequests: {
    title: "Demandes pour rejoindre une structure",
    intro:
      "Faire partie d'une structure permet de modifier sa fiche : ses personnes, ou la coordination, acceptent chaque demande.",
    asks: "demande à rejoindre {{structure}} (le {{date}})",
    accept: "Accepter",
    acceptLabel: "Accepter {{name}} dans {{structure}}",
    refuse: "Refuser",
    refuseLabel: "Refuser la demande de {{name}} pour {{structure}}",
    accepted: "{{name}} fait maintenant partie de {{structure}}.",
    refused: "Demande de {{name}} refusée.",
    pending:
      "Demande envoyée pour rejoindre {{structure}} : ses personnes ou la coordination vont répondre.",
    withdraw: "Retirer la demande",
    withdrawn: "Demande retirée.",
    hint: "Rejoindre une structure qui a déjà des personnes est une demande : elles ou la coordination l'acceptent.",
  },
};

export const en: Shape<typeof fr> = {
  directory: {
    title: "Who does what",
    intro: "The pôle's people and structures: who can do what, who looks for what.",
    search: "Search",
    searchHint: "A name, a competency, a structure… accents are optional.",
    competency: "Competency",
    circle: "Circle",
    legalForm: "Kind of structure",
    any: "All",
    results: "{{count}} person found",
    results_other: "{{count}} people found",
    noResult: "Nobody matches this search.",
    reset: "Clear the filters",
    people: "People",
    structures: "Member structures",
    noStructures: "No structure recorded yet.",
    myProfile: "My profile",
  },
  structureRequests: {
    title: "Requests to join a structure",
    intro:
      "Belonging to a structure lets one edit its record: its people, or the coordination, accept each request.",
    asks: "asks to join {{structure}} (on {{date}})",
    accept: "Accept",
    acceptLabel: "Accept {{name}} into {{structure}}",
    refuse: "Refuse",
    refuseLabel: "Refuse {{name}}'s request for {{structure}}",
    accepted: "{{name}} now belongs to {{structure}}.",
    refused: "{{name}}'s request refused.",
    pending: "Request sent to join {{structure}}: its people or the coordination will answer.",
    withdraw: "Withdraw the request",
    withdrawn: "Request withdrawn.",
    hint: "Joining a structure that already has people is a request: they or the coordination accept it.",
  },
};

registerStrings("collective", { fr, en });
