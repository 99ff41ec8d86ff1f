/**
 * Forgetting what this browser keeps for offline use: the cached API answers at each
 * sign-in and sign-out (app/session.tsx), the person's local copies of documents at
 * sign-out (app/Layout.tsx).
 */
import { isOfflineCopyOf, isShellCache } from "./rules";

/** Every cache but the shell's, which holds nothing personal. */
export async function forgetCachedAnswers() {
  if (!("caches" in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !isShellCache(name)).map((name) => caches.delete(name)));
}

/** The person's local copies of documents (y-indexeddb), at sign-out. */
export async function forgetOfflineCopies(userId: string) {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name ?? "")
      .filter((name) => isOfflineCopyOf(userId, name))
      .map(deleteDatabase),
  );
}

/** Resolves once deleted; a copy still open (the document being left) is deleted on closing. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
