/** Means of ratings in the reader's language; days and money as the portfolio shows them. */
export { formatDay, formatEuros, formatFte } from "../boards/format";

export const formatMean = (value: number, language: string) =>
  new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", {
    maximumFractionDigits: 2,
  }).format(value);
