import { describe, expect, it } from "vitest";
import type { AccessEvent } from "../domain/access-events";
import { verdict } from "./pole-events";

const stream = { poleId: "pole", userId: "me", sessionId: "mine" };

describe("what an access event does to a pôle's event stream", () => {
  it.each<{ event: AccessEvent; expected: ReturnType<typeof verdict> }>([
    { event: { type: "sessions-ended", sessionIds: ["mine"] }, expected: "end" },
    { event: { type: "sessions-ended", sessionIds: ["other", "mine"] }, expected: "end" },
    { event: { type: "sessions-ended", sessionIds: ["other"] }, expected: "keep" },
    { event: { type: "user-sessions-ended", userId: "me", except: null }, expected: "end" },
    { event: { type: "user-sessions-ended", userId: "me", except: "other" }, expected: "end" },
    { event: { type: "user-sessions-ended", userId: "me", except: "mine" }, expected: "keep" },
    { event: { type: "user-sessions-ended", userId: "you", except: null }, expected: "keep" },
    { event: { type: "rights-changed", poleId: "pole", userId: "me" }, expected: "recheck" },
    { event: { type: "rights-changed", poleId: "other", userId: "me" }, expected: "keep" },
    { event: { type: "rights-changed", poleId: "pole", userId: "you" }, expected: "keep" },
    { event: { type: "document-moved", documentId: "doc" }, expected: "keep" },
  ])("$event.type → $expected", ({ event, expected }) => {
    expect(verdict(event, stream)).toBe(expected);
  });
});
