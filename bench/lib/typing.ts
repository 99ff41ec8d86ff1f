/**
 * Realistic per-keystroke updates of a rich-text page, as Tiptap produces them: one
 * update per key, paragraphs every sixty-odd characters, backspaces, and the cursor
 * moving elsewhere now and then (which is what keeps structs from merging).
 */
import * as Y from "yjs";
import { BODY } from "../../shared/documents";

export interface Typed {
  updates: Uint8Array[];
  /** Y.encodeStateAsUpdate of the typed document. */
  compacted: Uint8Array;
}

export function typeKeystrokes(count: number, seed = 7): Typed {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const doc = new Y.Doc();
  doc.clientID = 1000 + seed;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const body = doc.getXmlFragment(BODY);
  const paragraphs: Y.XmlText[] = [];
  const newParagraph = () => {
    const element = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    element.insert(0, [text]);
    body.insert(body.length, [element]);
    paragraphs.push(text);
    return text;
  };
  let current = newParagraph();
  let cursor = 0;
  const letters = "abcdefghijklmnopqrstuvwxyz éèàçôêâ,.";
  while (updates.length < count) {
    const roll = random();
    if (roll < 0.015 && current.length > 60) {
      current = newParagraph();
      cursor = 0;
    } else if (roll < 0.03) {
      current = paragraphs[Math.floor(random() * paragraphs.length)];
      cursor = Math.floor(random() * (current.length + 1));
    } else if (roll < 0.1 && cursor > 0) {
      current.delete(cursor - 1, 1);
      cursor--;
    } else {
      current.insert(cursor, letters[Math.floor(random() * letters.length)]);
      cursor++;
    }
  }
  updates.length = count;
  const compacted = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { updates, compacted };
}
