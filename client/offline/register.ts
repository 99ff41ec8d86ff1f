/**
 * Registers the service worker of the built client (not under the Vite dev server, which
 * has no `/sw.js`).
 */
export function registerServiceWorker({ onFirstControl }: { onFirstControl(): Promise<void> }) {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  // The answers this first page fetched went past the worker: fetching them again once it
  // controls the page keeps them for offline use.
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener("controllerchange", () => void onFirstControl(), {
      once: true,
    });
  }
  navigator.serviceWorker.register("/sw.js").catch((error: unknown) => {
    console.warn("Maillage will not open offline: the service worker did not register.", error);
  });
}
