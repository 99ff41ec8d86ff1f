/**
 * The service worker (built by vite-plugin-pwa, `injectManifest`): the application shell is
 * precached so the app opens without a network; pages and API answers go to the network
 * first, and fall back to the shell and to the person's last answers when it is out of
 * reach. State-changing requests (anything but GET) are never routed here, nor cached.
 * Documents' content is not here: y-indexeddb keeps it (lib/sync.ts).
 */
import { clientsClaim, type WorkboxPlugin } from "workbox-core";
import {
  cleanupOutdatedCaches,
  matchPrecache,
  type PrecacheEntry,
  precacheAndRoute,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { API_CACHE, isKeptOffline, ME_PATH } from "./rules";

declare const self: { __WB_MANIFEST: (PrecacheEntry | string)[] };

// Registered before the precache, which would otherwise answer `/` from the shell: online,
// each page is the server's (current client, current headers); offline, the shell's.
registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fetch(request);
      } catch (error) {
        const shell = await matchPrecache("/index.html");
        if (shell) return shell;
        throw error;
      }
    },
    { denylist: [/^\/api\//, /^\/sync\//] },
  ),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

/** The user id an `/api/me` answer names, or null (signed out, or not that answer). */
async function personOf(response: Response): Promise<string | null> {
  if (response.status !== 200) return null;
  try {
    const body: { user?: { id?: unknown } } = await response.clone().json();
    return typeof body.user?.id === "string" ? body.user.id : null;
  } catch {
    return null;
  }
}

/** Whose the cached answers are: the person of the cached `/api/me`. */
async function holder(): Promise<string | null> {
  const held = await caches.match(ME_PATH, { cacheName: API_CACHE, ignoreVary: true });
  return held ? personOf(held) : null;
}

const isMe = (request: Request) => new URL(request.url).pathname === ME_PATH;

/**
 * The cache holds one person's answers. A new `/api/me` answer that names someone else, or
 * no one, empties it; then it is stored before the page gets it (`fetchDidSucceed` is
 * awaited), so that the requests the page makes next find whose the cache is. Other answers
 * are kept only once that is known.
 */
const onePersonAtATime: WorkboxPlugin = {
  async fetchDidSucceed({ request, response }) {
    if (!isMe(request)) return response;
    const person = await personOf(response);
    if (person === null || person !== (await holder())) await caches.delete(API_CACHE);
    if (person !== null) await (await caches.open(API_CACHE)).put(request, response.clone());
    return response;
  },
  async cacheWillUpdate({ request, response }) {
    if (isMe(request) || (await holder()) === null) return null;
    const json = response.headers.get("content-type")?.startsWith("application/json") ?? false;
    return response.status === 200 && json ? response : null;
  },
};

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isKeptOffline(url),
  new NetworkFirst({
    cacheName: API_CACHE,
    // A network that hangs (a weak signal) should not hold the page longer than this.
    networkTimeoutSeconds: 6,
    plugins: [onePersonAtATime],
  }),
  "GET",
);
