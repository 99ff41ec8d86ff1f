/** True when two labels say the same thing (then showing one of them is enough). */
export const sameWords = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), undefined, { sensitivity: "base" }) === 0;
