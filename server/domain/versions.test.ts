import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDocumentDatabase, type TemporaryDatabase } from "../../tests/helpers/document-db";
import { createKyselyStore } from "../storage";
import { takeAutoVersion } from "./versions";

const DOC = "doc-1";
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
let database: TemporaryDatabase;

beforeEach(async () => {
  database = await openDocumentDatabase(DOC);
});
afterEach(() => database.remove());

const kinds = async () =>
  (await createKyselyStore(database.db).listVersions(DOC)).map((v) => `${v.number}:${v.kind}`);

describe("takeAutoVersion", () => {
  it("takes one per ten minutes of activity, and none of an unchanged document", async () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    const at = Date.UTC(2026, 11, 7, 9);
    const take = (now: number) => takeAutoVersion(database.db, { documentId: DOC, doc }, now);

    text.insert(0, "un");
    expect(await take(at)).not.toBeNull();
    text.insert(2, " deux");
    expect(await take(at + 9 * MINUTE)).toBeNull();
    expect(await take(at + 10 * MINUTE)).not.toBeNull();
    // Nothing changed since: no copy of the same state.
    expect(await take(at + 30 * MINUTE)).toBeNull();
    expect(await kinds()).toEqual(["2:auto", "1:auto"]);
    doc.destroy();
  });

  it("thins the older automatic ones as it takes a new one", async () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    const start = Date.UTC(2026, 10, 1, 8);
    // Four versions on each of two days, a week ago.
    for (const day of [0, 1]) {
      for (let hour = 0; hour < 4; hour++) {
        text.insert(text.length, ".");
        await takeAutoVersion(
          database.db,
          { documentId: DOC, doc },
          start + day * DAY + hour * 60 * MINUTE,
        );
      }
    }
    // Taken on the second day, the first day's were already more than a day old.
    expect(await kinds()).toEqual(["8:auto", "7:auto", "6:auto", "5:auto", "4:auto"]);
    text.insert(text.length, "!");
    await takeAutoVersion(database.db, { documentId: DOC, doc }, start + 7 * DAY);
    // The newest of each of the two days, and the one just taken.
    expect(await kinds()).toEqual(["9:auto", "8:auto", "4:auto"]);
    doc.destroy();
  });
});
