import { describe, expect, it } from "vitest";
import type { PoleEvent } from "../../shared/pole-events";
import type { AccessEvent } from "../domain/access-events";
import { reaches, verdict } from "./pole-events";

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

describe("who a pôle event reaches", () => {
  it.each<{ event: PoleEvent; userId: string; expected: boolean }>([
    { event: { type: "notification", id: "me" }, userId: "me", expected: true },
    { event: { type: "notification", id: "you" }, userId: "me", expected: false },
    { event: { type: "decision", id: "d1" }, userId: "me", expected: true },
  ])("$event.type for $event.id, read by $userId → $expected", ({ event, userId, expected }) => {
    expect(reaches(event, userId)).toBe(expected);
  });
});
