/**
 * The building blocks of the API's schemas. zod/mini throughout `shared/api/`: the client
 * parses every answer with these same schemas, and mini keeps its bundle small.
 */
import { z } from "zod/mini";

export const id = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * Control characters (C0, DEL, C1: CR, LF, NUL, tab…), line and paragraph separators, and
 * the bidirectional marks, embeddings, overrides and isolates (U+200E–200F, U+202A–202E,
 * U+2066–2069), plus the BOM. In a name or a title they only serve to forge: a line break
 * in an e-mail's subject reads as a header, an override turns « facture.exe » around.
 */
const unsafeInLine: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x200e, 0x200f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

const LINE_FEED = 0x0a;

/** Whether `value` holds none of the characters above, but line feeds when `lines` allows them. */
const isPlain = (value: string, lines: boolean) => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (lines && code === LINE_FEED) continue;
    if (unsafeInLine.some(([from, to]) => code >= from && code <= to)) return false;
  }
  return true;
};
const isPlainLine = (value: string) => isPlain(value, false);

/** The same rule for text of several lines (a comment): line feeds are its only break. */
export const plainLines = z.refine<string>(
  (value) => isPlain(value, true),
  "Ce texte contient un caractère invisible ou de contrôle (inversion du sens d'écriture…) : retirez-le.",
);

/** The one rule every name and title follows, on every route that takes one. */
export const plainLine = z.refine<string>(
  isPlainLine,
  "Ce texte contient un caractère invisible ou de contrôle (retour à la ligne, inversion du sens d'écriture…) : retirez-le.",
);

/** A name or a title: one line of plain text, required, `max` characters at most. */
export const line = (max: number, required: string) =>
  z
    .string({ error: required })
    .check(
      z.trim(),
      z.minLength(1, required),
      z.maxLength(max, `${max} caractères au plus.`),
      plainLine,
    );

export const name = line(200, "Le nom est requis.");

export const email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z.email("Adresse e-mail invalide.").check(z.maxLength(254)),
);

/** Long passphrases beat complex short passwords; argon2 is bounded, so is the input. */
export const PASSWORD_MIN = 12;
export const password = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, `Le mot de passe doit faire au moins ${PASSWORD_MIN} caractères.`),
    z.maxLength(256),
  );

export const text = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, `${max} caractères au plus.`));

/** Tags typed by people: trimmed, deduplicated regardless of case and accents elsewhere. */
export const tags = (max: number) =>
  z
    .array(
      z
        .string()
        .check(z.trim(), z.minLength(1, "Une étiquette vide n'est pas permise."), z.maxLength(80)),
    )
    .check(z.maxLength(max, `${max} étiquettes au plus.`));

/** An ISO 8601 instant, or null when it has not happened. */
export const when = z.nullable(z.string());

/** The answer to a creation that names only what it made. */
export const Created = z.object({ id: z.string() });
