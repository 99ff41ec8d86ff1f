/** The activity feed's words (namespace "activity"), French first; registered when first imported. */
import { registerStrings, type Shape } from "../../lib/i18n";

export const fr = {
  title: "Activité",
  ofCircle: "Activité du cercle",
  intro: "Ce qui a changé ces trente derniers jours, ce que vous pouvez lire.",
  circle: "Cercle",
  wholePole: "Tout le pôle",
  none: "Rien de nouveau sur cette période.",
  someone: "Quelqu'un",
  actions: {
    "document.edited": "{{actor}} a modifié « {{label}} »",
    "decision.opened": "{{actor}} a ouvert la décision « {{label}} »",
    "decision.closed": "La décision « {{label}} » a été close",
    "meeting.planned": "{{actor}} a planifié la réunion « {{label}} »",
    "meeting.closed": "La réunion « {{label}} » est close, son compte rendu est publié",
    "circle.joined": "{{actor}} a rejoint le cercle « {{label}} »",
    "pole.joined": "{{label}} a rejoint le pôle",
    other: "{{actor}} : {{label}}",
  },
};

export const en: Shape<typeof fr> = {
  title: "Activity",
  ofCircle: "Circle activity",
  intro: "What changed over the last thirty days, that you may read.",
  circle: "Circle",
  wholePole: "The whole pôle",
  none: "Nothing new over this period.",
  someone: "Someone",
  actions: {
    "document.edited": "{{actor}} edited “{{label}}”",
    "decision.opened": "{{actor}} opened the decision “{{label}}”",
    "decision.closed": "The decision “{{label}}” was closed",
    "meeting.planned": "{{actor}} planned the meeting “{{label}}”",
    "meeting.closed": "The meeting “{{label}}” is closed, its minutes published",
    "circle.joined": "{{actor}} joined the circle “{{label}}”",
    "pole.joined": "{{label}} joined the pôle",
    other: "{{actor}}: {{label}}",
  },
};

registerStrings("activity", { fr, en });
