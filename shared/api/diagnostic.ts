/** The diagnostic's routes beyond the contract: its theme ↔ thematic group links. */
import { z } from "zod/mini";
import { id } from "./fields";

export const LinkThemeCircleBody = z.object({ circleId: id });

export const ThemeCircleLink = z.object({
  circleId: z.string(),
  circleName: z.string(),
  documentId: z.string(),
  themeId: z.string(),
});
export type ThemeCircleLink = z.infer<typeof ThemeCircleLink>;
export const ThemeCircleLinks = z.array(ThemeCircleLink);
