/** A list of hits: what each is, where it lives, its snippet with the matched words marked. */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SearchHit } from "../../../shared/api/search";
import { Badge } from "../../ui/kit";
import { hitHref } from "./queries";
import "./strings";

/** The snippet as text nodes, the matched ranges in <mark>: never markup from the server. */
function Snippet({ text, ranges }: { text: string; ranges: SearchHit["highlights"] }) {
  const parts: Array<{ text: string; marked: boolean; at: number }> = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false, at });
    parts.push({ text: text.slice(start, end), marked: true, at: start });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at });
  return (
    <p className="search-hit__snippet">
      {parts.map((part) =>
        part.marked ? (
          <mark key={part.at}>{part.text}</mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function SearchHits({ poleId, hits }: { poleId: string; hits: readonly SearchHit[] }) {
  const { t } = useTranslation("search");
  return (
    <ol className="search-hits">
      {hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`} className="search-hit">
          <div className="search-hit__head">
            <Badge tone="neutral">{t(`kinds.${hit.kind}`)}</Badge>
            <Link to={hitHref(poleId, hit)} className="search-hit__title">
              {hit.title || "—"}
            </Link>
          </div>
          {hit.context && hit.context !== hit.title ? (
            <p className="search-hit__context small muted">{hit.context}</p>
          ) : null}
          {hit.snippet ? <Snippet text={hit.snippet} ranges={hit.highlights} /> : null}
        </li>
      ))}
    </ol>
  );
}
