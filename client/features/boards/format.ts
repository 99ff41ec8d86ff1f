/** Money, FTE and days in the reader's language. */
const locale = (language: string) => (language === "en" ? "en-GB" : "fr-FR");

export const formatEuros = (amount: number, language: string) =>
  new Intl.NumberFormat(locale(language), {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);

export const formatFte = (fte: number, language: string) =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(fte);

/** How a number is shown in an input, in the way people of that language type it. */
export const inputNumber = (value: number, language: string) =>
  language === "en" ? String(value) : String(value).replace(".", ",");

/** A YYYY-MM-DD day as words (15 mars 2027), read in UTC so that no time zone shifts it. */
export const formatDay = (iso: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
