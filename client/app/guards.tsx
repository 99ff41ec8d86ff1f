/** Route guards: where a visitor goes when they are not signed in, or the server is new. */
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { errorMessage } from "../lib/errors";
import { Loading, Notice } from "../ui/kit";
import { currentPole, useMe, usePoleSelection, useSetupStatus } from "./session";

/** `/`: set-up on a fresh instance, sign-in for visitors, otherwise the current pôle. */
export function IndexRedirect() {
  const { t } = useTranslation();
  const setup = useSetupStatus();
  const me = useMe();
  const { remembered } = usePoleSelection();
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isPending || setup.isPending) return <Loading />;
  if (me.isError) return <Notice tone="error">{errorMessage(me.error, t)}</Notice>;
  if (!me.data) return <Navigate to="/login" replace />;
  const pole = currentPole(me.data, remembered);
  return <Navigate to={pole ? `/p/${pole.id}` : "/p"} replace />;
}

/** Pages for signed-in people only; others go to sign-in and come back after. */
export function RequireSession() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Notice tone="error">{errorMessage(me.error, t)}</Notice>;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return "/";
  }
  return value;
}
