/** The words of one's account: passwords changed, forgotten and reset (namespace "account"). */
import { registerStrings, type Shape } from "../../lib/i18n";

export const fr = {
  password: {
    changeTitle: "Changer de mot de passe",
    changeIntro: "Vos autres appareils seront déconnectés ; celui-ci reste connecté.",
    current: "Mot de passe actuel",
    next: "Nouveau mot de passe",
    change: "Changer le mot de passe",
    changing: "Changement…",
    changed: "Mot de passe changé. Vos autres appareils ont été déconnectés.",
    wrongCurrent: "Le mot de passe actuel n'est pas le bon.",
    forgotLink: "Mot de passe oublié ?",
    forgotTitle: "Mot de passe oublié",
    forgotIntro:
      "Donnez l'adresse e-mail de votre compte : vous recevrez un lien, valable une heure, pour choisir un nouveau mot de passe.",
    send: "Envoyer le lien",
    sending: "Envoi…",
    sent: "Si cette adresse correspond à un compte, un e-mail vient de partir. Pensez à regarder dans les indésirables.",
    noMailHint:
      "Rien reçu ? Si ce serveur n'envoie pas d'e-mails, la personne qui coordonne votre pôle peut vous donner un lien.",
    backToLogin: "Retour à la connexion",
    resetTitle: "Choisir un nouveau mot de passe",
    resetIntro:
      "Tous vos appareils seront déconnectés : reconnectez-vous ensuite avec ce mot de passe.",
    reset: "Enregistrer le mot de passe",
    resetting: "Enregistrement…",
    resetDone: "Mot de passe enregistré. Connectez-vous avec votre nouveau mot de passe.",
    signIn: "Se connecter",
    gone: "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.",
    askAgain: "Demander un nouveau lien",
  },
};

export const en: Shape<typeof fr> = {
  password: {
    changeTitle: "Change password",
    changeIntro: "Your other devices will be signed out; this one stays signed in.",
    current: "Current password",
    next: "New password",
    change: "Change password",
    changing: "Changing…",
    changed: "Password changed. Your other devices have been signed out.",
    wrongCurrent: "The current password is not right.",
    forgotLink: "Forgot your password?",
    forgotTitle: "Forgotten password",
    forgotIntro:
      "Give your account's e-mail address: you will receive a link, valid for one hour, to choose a new password.",
    send: "Send the link",
    sending: "Sending…",
    sent: "If this address belongs to an account, an e-mail is on its way. Check your spam folder too.",
    noMailHint:
      "Nothing received? If this server sends no e-mail, your pôle's coordinator can give you a link.",
    backToLogin: "Back to sign-in",
    resetTitle: "Choose a new password",
    resetIntro: "All your devices will be signed out: sign in again with this password.",
    reset: "Save the password",
    resetting: "Saving…",
    resetDone: "Password saved. Sign in with your new password.",
    signIn: "Sign in",
    gone: "This link is no longer valid (already used or expired). Ask for a new one.",
    askAgain: "Ask for a new link",
  },
};

registerStrings("account", { fr, en });
