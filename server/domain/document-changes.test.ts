import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changesSince, revertUpdate } from "./document-changes";

/** A live document with the three kinds of shared types the schemas use. */
function liveDoc() {
  const doc = new Y.Doc({ gc: true });
  const body = doc.getXmlFragment("body");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Article 1 : la coopération.")]);
  body.insert(0, [paragraph]);
  const actors = doc.getArray<Y.Map<string>>("actors");
  const actor = new Y.Map<string>();
  actor.set("id", "a1");
  actor.set("name", "Ressourcerie du Val");
  actors.push([actor]);
  const cards = doc.getMap<Y.Map<string>>("cards");
  const card = new Y.Map<string>();
  card.set("title", "Tiers-lieu");
  cards.set("c1", card);
  return doc;
}

const snapshotOf = (doc: Y.Doc) => ({
  body: doc.getXmlFragment("body").toString(),
  actors: doc.getArray("actors").toJSON(),
  cards: doc.getMap("cards").toJSON(),
});

/** Applies to `live` what an editor would receive, as the server does: one update. */
function restore(live: Y.Doc, version: Uint8Array) {
  const update = revertUpdate(live, version);
  if (update) Y.applyUpdate(live, update);
  return update;
}

describe("revertUpdate", () => {
  it("brings back the rich text, the rows and the cards of a version, as a forward edit", () => {
    const live = liveDoc();
    const version = Y.encodeStateAsUpdateV2(live);
    const expected = snapshotOf(live);

    const text = (live.getXmlFragment("body").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, 10);
    text.insert(0, "Préambule ");
    const actor = new Y.Map<string>();
    actor.set("id", "a2");
    actors(live).push([actor]);
    (live.getMap("cards").get("c1") as Y.Map<string>).set("title", "Recyclerie");
    live.getMap("cards").set("c2", new Y.Map());
    expect(snapshotOf(live)).not.toEqual(expected);

    const vectorBefore = Y.encodeStateVector(live);
    expect(restore(live, version)).not.toBeNull();
    expect(snapshotOf(live)).toEqual(expected);
    // Forward: the history only grew.
    expect(Y.decodeStateVector(Y.encodeStateVector(live)).size).toBeGreaterThanOrEqual(
      Y.decodeStateVector(vectorBefore).size,
    );
  });

  it("reverts a document loaded the server's way, whose types were never asked for by kind", () => {
    const editor = liveDoc();
    const version = Y.encodeStateAsUpdateV2(editor);
    const expected = snapshotOf(editor);
    actors(editor).push([new Y.Map()]);
    editor.getMap("cards").delete("c1");
    editor.getXmlFragment("body").push([new Y.XmlElement("paragraph")]);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));

    const update = revertUpdate(server, version);
    if (!update) throw new Error("nothing to revert");
    Y.applyUpdate(editor, update);
    expect(snapshotOf(editor)).toEqual(expected);
  });

  it("answers null when the document already equals the version", () => {
    const live = liveDoc();
    expect(revertUpdate(live, Y.encodeStateAsUpdateV2(live))).toBeNull();
  });

  it("merges with an offline copy's concurrent edit", () => {
    const live = liveDoc();
    const version = Y.encodeStateAsUpdateV2(live);
    actors(live).push([new Y.Map()]);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(live));
    offline.getMap("cards").set("offline", new Y.Map());

    restore(live, version);
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(live, Y.encodeStateVector(offline)));
    Y.applyUpdate(live, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(live)));
    expect(snapshotOf(offline)).toEqual(snapshotOf(live));
    expect(actors(live).length).toBe(1);
    expect(live.getMap("cards").has("offline")).toBe(true);
  });
});

const actors = (doc: Y.Doc) => doc.getArray<Y.Map<string>>("actors");

describe("changesSince", () => {
  it("merges two copies' changes to different articles into the document they came from", () => {
    const charter = new Y.Doc();
    const body = charter.getXmlFragment("body");
    for (const article of ["Article 1", "Article 2"]) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(article)]);
      body.push([paragraph]);
    }
    const base = Y.encodeStateAsUpdate(charter);
    const baseVector = Y.encodeStateVector(charter);
    const copy = (article: number, words: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base);
      const text = (doc.getXmlFragment("body").get(article) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, words);
      return Y.encodeStateAsUpdate(doc);
    };
    const first = copy(0, " (modifié)");
    const second = copy(1, " (complété)");
    // The charter changed too meanwhile.
    (body.get(1) as Y.XmlElement).insert(0, [new Y.XmlText("» ")]);

    Y.applyUpdate(charter, changesSince(first, baseVector));
    Y.applyUpdate(charter, changesSince(second, baseVector));
    expect(body.toString()).toBe(
      "<paragraph>Article 1 (modifié)</paragraph><paragraph>» Article 2 (complété)</paragraph>",
    );
  });
});
