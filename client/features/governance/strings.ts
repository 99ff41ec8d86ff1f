/** Strings of the charter and its amendments (namespace "governance"), French first. */
import { registerStrings, type Shape } from "../../lib/i18n";

export const fr = {
  charter: {
    title: "Version adoptée",
    adopted: "Version n° {{number}} adoptée le {{date}}.",
    decision: "Voir la décision",
    none: "Aucune version de cette charte n'a encore été adoptée.",
    differs: "Le texte de travail diffère de la version adoptée.",
    same: "Le texte de travail est celui de la version adoptée.",
    amendments: "Amendements",
    noAmendments: "Aucun amendement proposé.",
    propose: "Proposer un amendement",
    proposeHint:
      "Un amendement est une copie de la charte que vous modifiez ; seules vos modifications seront soumises au vote.",
    titleLabel: "Titre de l'amendement",
    rationaleLabel: "Motif (facultatif)",
    submit: "Créer l'amendement",
    submitting: "Création…",
  },
  states: {
    draft: "Brouillon",
    voting: "Au vote",
    adopted: "Adopté",
    rejected: "Rejeté",
    withdrawn: "Retiré",
  },
  amendment: {
    title: "Amendement à la charte",
    state: "État : {{state}}",
    author: "Proposé par {{name}}",
    rationale: "Motif",
    charter: "Revenir à la charte",
    frozen: "Le texte est gelé pendant le vote : plus personne ne le modifie.",
    submitVote: "Soumettre au vote du noyau dur (consentement)",
    submitting: "Ouverture du vote…",
    decision: "Voir la décision",
    withdraw: "Retirer l'amendement",
    withdrawing: "Retrait…",
    changes: "Modifications proposées",
    changesHint:
      "Seules les modifications de l'amendement par rapport au texte dont il est parti ; elles seront fusionnées dans la charte si le vote l'adopte.",
    showChanges: "Voir les modifications",
    hideChanges: "Masquer les modifications",
    decisionTitle: "Adopter l'amendement « {{title}} »",
  },
  history: "Historique des versions",
};

export const en: Shape<typeof fr> = {
  charter: {
    title: "Adopted version",
    adopted: "Version no. {{number}} adopted on {{date}}.",
    decision: "See the decision",
    none: "No version of this charter has been adopted yet.",
    differs: "The working text differs from the adopted version.",
    same: "The working text is the adopted version.",
    amendments: "Amendments",
    noAmendments: "No amendment proposed.",
    propose: "Propose an amendment",
    proposeHint:
      "An amendment is a copy of the charter that you change; only your changes go to the vote.",
    titleLabel: "Amendment title",
    rationaleLabel: "Rationale (optional)",
    submit: "Create the amendment",
    submitting: "Creating…",
  },
  states: {
    draft: "Draft",
    voting: "Under vote",
    adopted: "Adopted",
    rejected: "Rejected",
    withdrawn: "Withdrawn",
  },
  amendment: {
    title: "Charter amendment",
    state: "State: {{state}}",
    author: "Proposed by {{name}}",
    rationale: "Rationale",
    charter: "Back to the charter",
    frozen: "The text is frozen during the vote: nobody changes it any more.",
    submitVote: "Submit to the core group's vote (consent)",
    submitting: "Opening the vote…",
    decision: "See the decision",
    withdraw: "Withdraw the amendment",
    withdrawing: "Withdrawing…",
    changes: "Proposed changes",
    changesHint:
      "Only the amendment's changes to the text it started from; they are merged into the charter if the vote adopts it.",
    showChanges: "Show the changes",
    hideChanges: "Hide the changes",
    decisionTitle: "Adopt the amendment “{{title}}”",
  },
  history: "Version history",
};

registerStrings("governance", { fr, en });
