/**
 * i18next set-up: French by default, English available, the choice kept in localStorage.
 * The core strings are here; each feature registers its own namespace (or its part of one)
 * with `registerStrings` when its module is first imported. Their types are gathered in
 * client/strings.ts, above the features.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { isOneOf } from "../../../shared/one-of";
import { en } from "./en";
import { fr } from "./fr";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = "maillage.language";

const isLanguage = (value: unknown): value is Language => isOneOf(languages, value);

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // storage unavailable (private mode): French
  }
  return "fr";
}

/** The same keys as `T`, any text: what a translation must fill in. */
export type Shape<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

type Strings = Record<string, unknown>;

/** The strings known before i18next starts: the core, then what features registered. */
const resources: Record<Language, Record<string, Strings>> = {
  fr: { translation: fr },
  en: { translation: en },
};

/**
 * Adds a feature's strings to a namespace, in every language. Several features may share a
 * namespace as long as their top-level keys differ.
 */
export function registerStrings(namespace: string, strings: Record<Language, Strings>) {
  for (const language of languages) {
    if (i18next.isInitialized) {
      i18next.addResourceBundle(language, namespace, strings[language], true, false);
    } else {
      resources[language][namespace] = { ...resources[language][namespace], ...strings[language] };
    }
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

/** A day in full words and its hour ("mardi 15 janvier 2030 à 18:00"), in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", {
    dateStyle: "full",
    timeStyle: "short",
  }).format(date);
}

/** The hour and minute of an instant, in the interface language. */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", {
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}
