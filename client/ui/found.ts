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

/**
 * The same mark over an element another library redraws (a block of the rich-text editor,
 * whose attributes ProseMirror resets): a frame laid over it on the page, never inside it.
 */
export function markOver(element: HTMLElement): void {
  const box = element.getBoundingClientRect();
  const frame = document.createElement("div");
  frame.className = "found found--over";
  frame.setAttribute("aria-hidden", "true");
  frame.setAttribute("data-found-over", "true");
  Object.assign(frame.style, {
    top: `${box.top + window.scrollY}px`,
    left: `${box.left + window.scrollX}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  document.body.append(frame);
  setTimeout(() => frame.remove(), FOUND_MS);
}
