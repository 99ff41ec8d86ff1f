/**
 * Turns what a person typed into search terms built from tokens only, so that no user text
 * is ever read as query syntax (`"`, `*`, `NEAR(`, `-`, `AND`, `:` are just characters
 * here), and those into FTS5's query (PostgreSQL's: server/search/postgres-query.ts).
 * Quoted parts are phrases; every other word matches as a prefix, so results follow typing.
 */

/** Letters and digits, as FTS5's unicode61 tokenizer splits them. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Beyond this many words a query says nothing more, and costs more. */
const MAX_TOKENS = 12;

/** The words of what was typed, as the tokenizer would split them. */
export const words = (text: string) => text.match(WORD) ?? [];

/**
 * What a query asks for, engine aside: quoted parts are phrases, every other word a prefix.
 * Made of words only, so that no user text is ever read as an engine's query syntax.
 */
export interface SearchTerm {
  words: string[];
  phrase: boolean;
}

export function searchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let budget = MAX_TOKENS;
  // Odd-numbered pieces lie between quotes; an unclosed quote runs to the end.
  input.split('"').forEach((piece, index) => {
    const tokens = words(piece).slice(0, budget);
    budget -= tokens.length;
    if (tokens.length === 0) return;
    if (index % 2 === 1) terms.push({ words: tokens, phrase: true });
    else for (const token of tokens) terms.push({ words: [token], phrase: false });
  });
  return terms;
}

/** Each token is quoted: FTS5 reads a quoted string as plain text, whatever it holds. */
const quoted = (tokens: readonly string[]) => `"${tokens.join(" ")}"`;

/** The FTS5 MATCH expression for `input`, or null when it holds no word at all. */
export function ftsQuery(input: string): string | null {
  const parts = searchTerms(input).map((term) =>
    term.phrase ? quoted(term.words) : `${quoted(term.words)}*`,
  );
  return parts.length > 0 ? parts.join(" ") : null;
}

/** Private-use markers that FTS5's snippet() puts around matched words. */
export const MARK_START = "\u{E000}";
export const MARK_END = "\u{E001}";
const MARKERS = /[\u{E000}\u{E001}]/gu;

/** Indexed text never holds the markers, so a snippet's are all FTS5's own. */
export const withoutMarkers = (text: string) => text.replace(MARKERS, "");

/** A snippet with markers → its plain text and the [start, end) ranges of the matches. */
export function highlights(marked: string): { text: string; ranges: Array<[number, number]> } {
  let text = "";
  let start = -1;
  const ranges: Array<[number, number]> = [];
  for (const char of marked) {
    if (char === MARK_START) start = text.length;
    else if (char === MARK_END) {
      if (start >= 0 && text.length > start) ranges.push([start, text.length]);
      start = -1;
    } else text += char;
  }
  return { text, ranges };
}
