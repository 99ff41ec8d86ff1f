/**
 * What the service worker keeps for offline use, shared by the worker and the page that
 * forgets it at sign-out. The cached API answers are one person's at a time: the page
 * empties them at each sign-in and sign-out, and the worker empties them when `/api/me`
 * names someone else than the answer it holds.
 */

/** The runtime cache of API answers (network first; the precached shell is Workbox's own). */
export const API_CACHE = "maillage-api";

/** The one answer that says whose the cached answers are. */
export const ME_PATH = "/api/me";

/**
 * GET answers kept for offline reading: the API's JSON, not files to download, nor the
 * pôle's event stream (it never ends, and goes straight to the network).
 */
export function isKeptOffline(url: URL): boolean {
  return (
    url.pathname.startsWith("/api/") &&
    !url.pathname.includes("/export/") &&
    !url.pathname.endsWith("/events")
  );
}

/** The shell's Workbox precache: the same for everyone, so kept at sign-out. */
export const isShellCache = (name: string) => name.startsWith("workbox-precache");

/** A person's local copy of a document (y-indexeddb), named in lib/sync.ts. */
export const offlineCopyName = (userId: string, documentId: string) =>
  `maillage:${userId}:${documentId}`;

export const isOfflineCopyOf = (userId: string, database: string) =>
  database.startsWith(offlineCopyName(userId, ""));
