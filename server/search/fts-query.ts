/**
 * Turns what a person typed into an FTS5 query built from tokens only, so that no user text
 * is ever read as FTS syntax (`"`, `*`, `NEAR(`, `-`, `AND`, `:` are just characters here).
 * Quoted parts are phrases; every other word matches as a prefix, so results follow typing.
 */

/** Letters and digits, as FTS5's unicode61 tokenizer splits them. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Beyond this many words a query says nothing more, and costs more. */
const MAX_TOKENS = 12;

/** The words of what was typed, as the tokenizer would split them. */
export const words = (text: string) => text.match(WORD) ?? [];

/** Each token is quoted: FTS5 reads a quoted string as plain text, whatever it holds. */
const quoted = (tokens: readonly string[]) => `"${tokens.join(" ")}"`;

/** The FTS5 MATCH expression for `input`, or null when it holds no word at all. */
export function ftsQuery(input: string): string | null {
  const parts: string[] = [];
  let budget = MAX_TOKENS;
  // Odd-numbered pieces lie between quotes; an unclosed quote runs to the end.
  input.split('"').forEach((piece, index) => {
    const tokens = words(piece).slice(0, budget);
    budget -= tokens.length;
    if (tokens.length === 0) return;
    if (index % 2 === 1) parts.push(quoted(tokens));
    else for (const token of tokens) parts.push(`${quoted([token])}*`);
  });
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
