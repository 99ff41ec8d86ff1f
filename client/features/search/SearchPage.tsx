/** `/p/:poleId/recherche?q=&kind=&circleId=`: search across the pôle, with filters by kind and circle. */
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { SEARCH_MAX, searchKinds } from "../../../shared/api/search";
import { CircleSelect } from "../../app/CircleFields";
import { Crumbs, PoleGate, usePole } from "../../app/pole";
import { sortCircles, useCircles } from "../../app/poleQueries";
import { useProblem } from "../../lib/errors";
import { QueryStatus, SelectField, TextField, useDocumentTitle } from "../../ui/kit";
import { useSearch } from "./queries";
import { SearchHits } from "./SearchHits";
import "./strings";
import "./search.css";

export function SearchPage() {
  const { t } = useTranslation("search");
  const { poleId, pole, ready } = usePole();
  useDocumentTitle(t("title"));
  return (
    <PoleGate title={t("title")} pole={pole} ready={ready}>
      {(pole) => (
        <div className="page">
          <Crumbs pole={pole} trail={[{ label: t("title") }]} />
          <SearchContent poleId={poleId} />
        </div>
      )}
    </PoleGate>
  );
}

function SearchContent({ poleId }: { poleId: string }) {
  const { t, i18n } = useTranslation("search");
  const problem = useProblem();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kind = params.get("kind") ?? "";
  const circleId = params.get("circleId") ?? "";
  const [text, setText] = useState(q);
  const results = useSearch(poleId, { q, kind, circleId });
  const circles = useCircles(poleId);
  const resultsId = useId();

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: name !== "q" });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setParam("q", text.trim());
  }

  const hits = q.trim() ? (results.data ?? []) : [];
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form className="card search-filters" onSubmit={submit}>
        <div className="search-filters__words">
          <TextField
            label={t("words")}
            hint={t("hint")}
            type="search"
            maxLength={SEARCH_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button--primary">
            {t("submit")}
          </button>
        </div>
        <div className="search-filters__row">
          <SelectField
            label={t("kind")}
            value={kind}
            onChange={(event) => setParam("kind", event.target.value)}
          >
            <option value="">{t("any")}</option>
            {searchKinds.map((item) => (
              <option key={item} value={item}>
                {t(`kinds.${item}`)}
              </option>
            ))}
          </SelectField>
          <CircleSelect
            label={t("circle")}
            circles={circles.data ? sortCircles(circles.data, i18n.language) : []}
            none={t("any")}
            value={circleId}
            onChange={(value) => setParam("circleId", value)}
          />
        </div>
      </form>

      <section aria-labelledby={resultsId}>
        <h2 id={resultsId} className="visually-hidden">
          {t("title")}
        </h2>
        <p role="status" className="muted small">
          {!q.trim() ? t("empty") : results.data ? t("results", { count: hits.length }) : null}
        </p>
        {q.trim() ? <QueryStatus query={results} describe={problem} /> : null}
        {q.trim() && results.data && hits.length === 0 ? <p>{t("noResult")}</p> : null}
        <SearchHits poleId={poleId} hits={hits} />
      </section>
    </>
  );
}
