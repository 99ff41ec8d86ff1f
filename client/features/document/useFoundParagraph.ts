/**
 * A search hit in a document's text opens it at its block (`?p=N`, the N-th top-level block
 * of the body): once the content has synchronised, that block is scrolled to and marked.
 */
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { markOver } from "../../ui/found";

/** The editor renders a moment after the content arrives: look for the block a while. */
const LOOK_EVERY_MS = 100;
const LOOK_FOR_MS = 5000;

export function useFoundParagraph(synced: boolean) {
  const [params] = useSearchParams();
  const wanted = params.get("p");
  useEffect(() => {
    const index = Number(wanted);
    if (!synced || wanted === null || !Number.isInteger(index) || index < 0) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const block = document.querySelector<HTMLElement>(
        `.editor__content .ProseMirror > :nth-child(${index + 1})`,
      );
      if (block) {
        block.scrollIntoView({ block: "center" });
        markOver(block);
      }
      if (block || Date.now() - started > LOOK_FOR_MS) clearInterval(timer);
    }, LOOK_EVERY_MS);
    return () => clearInterval(timer);
  }, [synced, wanted]);
}
