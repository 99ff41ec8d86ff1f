import { randomUUID } from "node:crypto";

export const newId = () => randomUUID();

/** "Pôle Vallée de la Drôme" → "pole-vallee-de-la-drome". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "pole";
}
