/** i18next set-up: French by default, English available, the choice kept in localStorage. */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en as boardsEn, fr as boardsFr } from "../../features/boards/i18n";
import { en as collectiveEn, fr as collectiveFr } from "../../features/collective/i18n";
import { en as decisionsEn, fr as decisionsFr } from "../../features/decisions/i18n";
import { en as diagnosticEn, fr as diagnosticFr } from "../../features/diagnostic/i18n";
import { en } from "./en";
import { fr } from "./fr";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = "maillage.language";

const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (languages as readonly string[]).includes(value);

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // storage unavailable (private mode): French
  }
  return "fr";
}

export const resources = {
  fr: {
    translation: fr,
    boards: boardsFr,
    collective: collectiveFr,
    decisions: decisionsFr,
    diagnostic: diagnosticFr,
  },
  en: {
    translation: en,
    boards: boardsEn,
    collective: collectiveEn,
    decisions: decisionsEn,
    diagnostic: diagnosticEn,
  },
} as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: (typeof resources)["fr"];
  }
}

function applyLanguage(language: string) {
  document.documentElement.lang = language;
}

export function initI18n() {
  const lng = storedLanguage();
  i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: "fr",
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(lng);
  i18next.on("languageChanged", applyLanguage);
  return i18next;
}

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not kept: still switch for this visit
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : "fr";
}

/** Dates in words, in the interface language. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(date);
}
