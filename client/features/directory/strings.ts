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
};

registerStrings("collective", { fr, en });
