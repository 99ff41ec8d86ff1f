import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { structuralLimitsOnly } from "../../tests/helpers/guard";
import { UpdateGuard, updateLimits } from "./guard";

/** A document with more separate structs than one update may bring at once. */
function largeDocument(): Y.Doc {
  const doc = new Y.Doc();
  const rows = doc.getArray<Y.Map<string>>("actors");
  // One transaction per row: each row stays its own struct, as when people add them over weeks.
  for (let i = 0; i < updateLimits.maxCost + 500; i++) {
    doc.transact(() => {
      const row = new Y.Map<string>();
      rows.push([row]);
      row.set("id", `a${i}`);
    });
  }
  return doc;
}

describe("the update guard on whole-state updates", () => {
  const guard = new UpdateGuard(structuralLimitsOnly);
  const client = largeDocument();
  const everything = Y.encodeStateAsUpdate(client);
  afterAll(() => guard.close());

  it("refuses that much new content in one update", async () => {
    const empty = new Y.Doc();
    const refusal = await guard.inspectOffThread(everything, empty);
    expect(refusal?.reason).toMatch(/too costly/);
  });

  it("accepts an offline copy replayed whole when the server already holds it", async () => {
    // y-indexeddb sends the whole stored state on reconnection: only its new part counts.
    const server = new Y.Doc();
    Y.applyUpdate(server, everything);
    client.getArray<Y.Map<string>>("actors").push([new Y.Map()]);
    const replay = Y.encodeStateAsUpdate(client);
    expect(await guard.inspectOffThread(replay, server)).toBeNull();
  });
});
