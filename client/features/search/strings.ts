/** Search's words (namespace "search"), French first; registered when first imported. */
import { registerStrings, type Shape } from "../../lib/i18n";

export const fr = {
  title: "Recherche",
  intro:
    "Tout ce que vous pouvez lire dans le pôle : documents, registres du diagnostic, cartes projet, décisions, personnes, structures et cercles. Les accents et les majuscules sont facultatifs.",
  words: "Mots recherchés",
  hint: "Mettez une expression entre guillemets pour la trouver telle quelle.",
  submit: "Rechercher",
  kind: "Type",
  circle: "Cercle",
  any: "Tous",
  results: "{{count}} résultat",
  results_other: "{{count}} résultats",
  noResult: "Aucun résultat pour cette recherche.",
  empty: "Saisissez un ou plusieurs mots.",
  within: "Rechercher dans ce document",
  withinHint: "Un mot, le début d'un mot ou une expression entre guillemets.",
  kinds: {
    document: "Document",
    paragraph: "Texte",
    row: "Ligne de registre",
    card: "Carte projet",
    person: "Personne",
    structure: "Structure",
    circle: "Cercle",
    decision: "Décision",
  },
};

export const en: Shape<typeof fr> = {
  title: "Search",
  intro:
    "Everything you may read in the pôle: documents, the diagnostic's registries, project cards, decisions, people, structures and circles. Accents and capitals are optional.",
  words: "Words",
  hint: "Put an expression in quotes to find it as is.",
  submit: "Search",
  kind: "Kind",
  circle: "Circle",
  any: "All",
  results: "{{count}} result",
  results_other: "{{count}} results",
  noResult: "Nothing matches this search.",
  empty: "Type one or more words.",
  within: "Search this document",
  withinHint: "A word, the start of a word or an expression in quotes.",
  kinds: {
    document: "Document",
    paragraph: "Text",
    row: "Registry row",
    card: "Project card",
    person: "Person",
    structure: "Structure",
    circle: "Circle",
    decision: "Decision",
  },
};

registerStrings("search", { fr, en });
