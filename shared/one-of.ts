/** Whether a value is one of a closed list of words, narrowing it to their union. */
export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (list as readonly string[]).includes(value);
