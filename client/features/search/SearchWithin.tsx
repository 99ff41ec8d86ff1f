/** Search inside one document (the diagnostic's registries, a board): hits open in place. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SEARCH_MAX } from "../../../shared/api/search";
import { useProblem } from "../../lib/errors";
import { QueryStatus, TextField } from "../../ui/kit";
import { useSearch } from "./queries";
import { SearchHits } from "./SearchHits";
import "./strings";
import "./search.css";

export function SearchWithin({ poleId, documentId }: { poleId: string; documentId: string }) {
  const { t } = useTranslation("search");
  const problem = useProblem();
  const [text, setText] = useState("");
  const q = text.trim();
  const results = useSearch(poleId, { q, documentId });
  const hits = q ? (results.data ?? []) : [];
  return (
    <div className="search-within">
      <TextField
        label={t("within")}
        hint={t("withinHint")}
        type="search"
        maxLength={SEARCH_MAX}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {q ? (
        <>
          <p role="status" className="muted small">
            {results.data ? t("results", { count: hits.length }) : null}
          </p>
          <QueryStatus query={results} describe={problem} />
          <SearchHits poleId={poleId} hits={hits} />
        </>
      ) : null}
    </div>
  );
}
