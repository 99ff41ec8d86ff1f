/** The frame of every page: skip link, header (pôles, language, session), main landmark. */
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import type { PoleSummary } from "../../shared/api/poles";
import { api } from "../lib/api";
import { initials } from "../lib/color";
import { currentLanguage, type Language, languages, setLanguage } from "../lib/i18n";
import { forgetOfflineCopies } from "../offline/forget";
import { NotificationBell } from "./NotificationBell";
import { CoordinationNavItems, coordinationLinks, PoleNavItems } from "./PoleNav";
import { SearchBox } from "./SearchBox";
import { currentPole, useMe, usePoleSelection, useResetSession } from "./session";
import "./pole.css";

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
              {pole ? <PoleNavItems pole={pole} /> : null}
              {pole ? <CoordinationMenu pole={pole} /> : null}
            </ul>
            {me.poles.length > 1 && pole ? <PoleSwitcher /> : null}
          </nav>
        ) : null}
        <div className="site-header__tools">
          {pole ? <SearchBox key={pole.id} poleId={pole.id} /> : null}
          {pole ? <NotificationBell key={`bell-${pole.id}`} poleId={pole.id} /> : null}
          {me ? <AccountMenu userId={me.user.id} name={me.user.name} /> : <LanguageSwitcher />}
        </div>
      </div>
    </header>
  );
}

/**
 * A button that shows a list of links below it (a disclosure, not an ARIA menu: the
 * links stay links). It closes on Escape (the focus goes back to the button), on a click
 * elsewhere, when the focus leaves it, and after a navigation.
 */
function useDropdown<Wrapper extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const location = useLocation();
  const wrapper = useRef<Wrapper>(null);

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
    const outside = (event: Event) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", outside);
    document.addEventListener("focusin", outside);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", outside);
      document.removeEventListener("focusin", outside);
    };
  }, [open]);

  return {
    open,
    wrapper,
    button: {
      type: "button",
      "aria-expanded": open,
      "aria-controls": listId,
      onClick: () => setOpen((value) => !value),
    } as const,
    list: { id: listId, hidden: !open },
  };
}

/**
 * The coordination's pages, one click away: kept out of the main row so that the header
 * holds on one line at 1280 px with a pôle switcher and a long name.
 */
function CoordinationMenu({ pole }: { pole: PoleSummary }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const dropdown = useDropdown<HTMLLIElement>();
  const invitations = pole.role === "coordinator" ? `/p/${pole.id}/invitations` : null;
  const links = [
    ...(invitations ? [invitations] : []),
    ...coordinationLinks(pole).map((link) => link.to),
  ];
  if (links.length === 0) return null;
  const current = links.some((to) => pathname === to || pathname.startsWith(`${to}/`));
  return (
    <li className="menu" ref={dropdown.wrapper}>
      <button
        {...dropdown.button}
        className={`menu__button${current ? " menu__button--current" : ""}`}
      >
        {t("layout.coordination")}
        <span aria-hidden="true" className="menu__chevron">
          ▾
        </span>
      </button>
      <ul {...dropdown.list} className="menu__list">
        {invitations ? (
          <li>
            <NavLink to={invitations} className="menu__link">
              {t("layout.invitations")}
            </NavLink>
          </li>
        ) : null}
        <CoordinationNavItems pole={pole} />
      </ul>
    </li>
  );
}

/** A disclosure listing the person's pôles as links. */
function PoleSwitcher() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { remembered } = usePoleSelection();
  const pole = currentPole(me, remembered);
  const dropdown = useDropdown<HTMLDivElement>();

  if (!me || !pole) return null;
  return (
    <div className="pole-switcher menu" ref={dropdown.wrapper}>
      <button {...dropdown.button} className="button button--ghost pole-switcher__button">
        <span className="visually-hidden">{t("layout.poleSwitcher")} — </span>
        <span className="pole-switcher__name">{pole.name}</span>
        <span aria-hidden="true" className="pole-switcher__chevron">
          ▾
        </span>
      </button>
      <ul {...dropdown.list} className="menu__list">
        {me.poles.map((item) => (
          <li key={item.id}>
            <Link
              to={`/p/${item.id}`}
              aria-current={item.id === pole.id ? "true" : undefined}
              className="menu__link"
            >
              {item.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `labelled`: the label shows, where the select is not alone in the header. */
function LanguageSwitcher({ labelled = false }: { labelled?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = (i18n.resolvedLanguage as Language | undefined) ?? currentLanguage();
  return (
    <div className="language">
      <label htmlFor={id} className={labelled ? "field__label" : "visually-hidden"}>
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

/**
 * The person's name, opening their language and the sign-out: folded so that the header
 * keeps one line for the navigation at 1280 px, and two short ones at 375 px.
 */
function AccountMenu({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reset = useResetSession();
  const dropdown = useDropdown<HTMLDivElement>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="menu account" ref={dropdown.wrapper}>
      <button {...dropdown.button} className="menu__button account__button" title={name}>
        <span className="visually-hidden">{t("layout.signedInAs", { name })}</span>
        <span className="account__initials" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="account__name" aria-hidden="true">
          {name}
        </span>
        <span aria-hidden="true" className="menu__chevron">
          ▾
        </span>
      </button>
      <div {...dropdown.list} className="menu__list menu__list--end account__panel">
        <LanguageSwitcher labelled />
        <Link to="/compte/mot-de-passe" className="menu__link">
          {t("layout.changePassword")}
        </Link>
        <Link to="/compte/notifications" className="menu__link">
          {t("layout.notificationSettings")}
        </Link>
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
            // After leaving the page, which closes the open document's copy.
            await forgetOfflineCopies(userId).catch((error: unknown) => {
              console.error("Offline copies were not all deleted.", error);
            });
          }}
        >
          {busy ? t("layout.signingOut") : t("layout.signOut")}
        </button>
      </div>
    </div>
  );
}
