/** The frame of every page: skip link, header (pôles, language, session), main landmark. */
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { CollectiveNavItems } from "../features/collective/NavItems";
import { api } from "../lib/api";
import { currentLanguage, type Language, languages, setLanguage } from "../lib/i18n";
import { currentPole, useMe, usePoleSelection, useResetSession } from "./session";

export function Layout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const firstRender = useRef(true);

  // After a navigation, put the focus at the start of the new page for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new address
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    } else {
      mainRef.current?.focus();
    }
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">
        <Outlet />
      </main>
    </div>
  );
}

function Header() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { remembered } = usePoleSelection();
  const pole = currentPole(me, remembered);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={pole ? `/p/${pole.id}` : "/"} className="brand">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M8 23V9l8 8 8-8v14" />
          </svg>
          <span>{t("app.name")}</span>
        </Link>
        {me ? (
          <nav className="site-nav" aria-label={t("layout.mainNav")}>
            <ul className="site-nav__list">
              {pole ? (
                <li>
                  <NavLink to={`/p/${pole.id}`} end>
                    {t("layout.home")}
                  </NavLink>
                </li>
              ) : null}
              {pole?.role === "coordinator" ? (
                <li>
                  <NavLink to={`/p/${pole.id}/invitations`}>{t("layout.invitations")}</NavLink>
                </li>
              ) : null}
              {pole ? <CollectiveNavItems pole={pole} /> : null}
            </ul>
            {me.poles.length > 1 && pole ? <PoleSwitcher /> : null}
          </nav>
        ) : null}
        <div className="site-header__tools">
          <LanguageSwitcher />
          {me ? <SignOut name={me.user.name} /> : null}
        </div>
      </div>
    </header>
  );
}

/** A disclosure listing the person's pôles as links. */
function PoleSwitcher() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { remembered } = usePoleSelection();
  const pole = currentPole(me, remembered);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const location = useLocation();
  const wrapper = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: close after navigating
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        wrapper.current?.querySelector("button")?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  if (!me || !pole) return null;
  return (
    <div className="pole-switcher" ref={wrapper}>
      <button
        type="button"
        className="button button--ghost pole-switcher__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t("layout.poleSwitcher")} — </span>
        <span className="pole-switcher__name">{pole.name}</span>
        <span aria-hidden="true" className="pole-switcher__chevron">
          ▾
        </span>
      </button>
      <ul id={listId} className="pole-switcher__list" hidden={!open}>
        {me.poles.map((item) => (
          <li key={item.id}>
            <Link
              to={`/p/${item.id}`}
              aria-current={item.id === pole.id ? "true" : undefined}
              className="pole-switcher__link"
            >
              {item.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = (i18n.resolvedLanguage as Language | undefined) ?? currentLanguage();
  return (
    <div className="language">
      <label htmlFor={id} className="visually-hidden">
        {t("layout.language")}
      </label>
      <select
        id={id}
        className="input select language__select"
        value={value}
        onChange={(event) => {
          const next = languages.find((language) => language === event.target.value);
          if (next) setLanguage(next);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function SignOut({ name }: { name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useResetSession();
  const [busy, setBusy] = useState(false);
  return (
    <div className="session">
      <span className="session__name" title={name}>
        <span className="visually-hidden">{t("layout.signedInAs", { name })}</span>
        <span aria-hidden="true">{name}</span>
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await api.call("POST", "/api/auth/logout");
          } catch {
            // the session may already be gone; forget it here anyway
          }
          await reset();
          setBusy(false);
          navigate("/login", { replace: true });
        }}
      >
        {busy ? t("layout.signingOut") : t("layout.signOut")}
      </button>
    </div>
  );
}
