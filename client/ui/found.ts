/**
 * Marks what a search hit opened (a row, a card, a paragraph) for a few seconds, so the eye
 * finds it; read-only places get a focusable spot so the keyboard lands there too.
 */
const FOUND_MS = 4000;

export function markFound(element: HTMLElement): void {
  if (!element.hasAttribute("tabindex") && !element.matches("a, button, input, textarea, select")) {
    element.tabIndex = -1;
  }
  element.classList.add("found");
  element.setAttribute("data-found", "true");
  setTimeout(() => {
    element.classList.remove("found");
    element.removeAttribute("data-found");
  }, FOUND_MS);
}
