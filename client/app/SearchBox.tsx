/**
 * The header's search box, on every page of a pôle: `/` puts the focus in it (unless one is
 * typing somewhere), Enter opens the results page with the words in its address.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";

/** Where a `/` is text being typed, not the shortcut. */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export const searchPagePath = (poleId: string) => `/p/${poleId}/recherche`;

export function SearchBox({ poleId }: { poleId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onResults = pathname === searchPagePath(poleId);
  const [text, setText] = useState(onResults ? (params.get("q") ?? "") : "");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    navigate(`${searchPagePath(poleId)}?${new URLSearchParams({ q })}`);
  }

  return (
    <search>
      <form onSubmit={submit} className="site-search">
        <label htmlFor={id} className="visually-hidden">
          {t("layout.search")}
        </label>
        <input
          ref={input}
          id={id}
          type="search"
          className="input site-search__input"
          placeholder={t("layout.searchPlaceholder")}
          title={t("layout.searchShortcut")}
          aria-keyshortcuts="/"
          maxLength={200}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button--ghost button--small site-search__submit">
          <span className="visually-hidden">{t("layout.searchSubmit")}</span>
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" width="16" height="16">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="m13 13 5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </form>
    </search>
  );
}
