/**
 * Every migration, in order. Listed statically (rather than read from the folder at run
 * time) so the same code runs under tsx, Vitest and a bundler. Add new ones at the end.
 */
import type { Migration } from "kysely";
import * as createPlatform from "./2026_11_22_1800_create_platform";

export const migrations: Record<string, Migration> = {
  "2026_11_22_1800_create_platform": createPlatform,
};
