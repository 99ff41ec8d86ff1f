import { MAX_FRAME_BYTES } from "./limits";

/**
 * Why an update from a client must be refused before Yjs decodes it, or null.
 *
 * Crafted updates can make Yjs spin for minutes (yjs issue #687) and a failed
 * Y.applyUpdate may leave part of the update applied. This is the one place where deeper
 * checks belong (a structural pre-scan, a time budget, decoding in a worker): every
 * client update goes through it before it touches the document.
 */
export function refuseUpdate(update: Uint8Array): string | null {
  if (update.byteLength > MAX_FRAME_BYTES) return "update larger than a frame";
  return null;
}
