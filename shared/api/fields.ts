/**
 * The building blocks of the API's schemas. zod/mini throughout `shared/api/`: the client
 * parses every answer with these same schemas, and mini keeps its bundle small.
 */
import { z } from "zod/mini";

export const id = z.string().check(z.minLength(1), z.maxLength(100));

export const name = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "Le nom est requis."),
    z.maxLength(200, "200 caractères au plus."),
  );

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
