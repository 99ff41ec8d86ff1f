import { describe, expect, it } from "vitest";
import { canDeleteComment, canEditComment, normalizeQuote } from "./comments";
import { type PoleRole, poleRoles } from "./permissions";

/** The rules of issue 12, written independently: authors edit and delete, coordinators moderate. */
function expected(role: PoleRole, mayComment: boolean, isAuthor: boolean) {
  return {
    edit: mayComment && isAuthor,
    delete: role === "coordinator" || (mayComment && isAuthor),
  };
}

describe("who edits and deletes a comment", () => {
  for (const role of poleRoles) {
    for (const mayComment of [true, false]) {
      for (const isAuthor of [true, false]) {
        it(`${role}, ${mayComment ? "may comment" : "may not comment"}, ${isAuthor ? "author" : "not author"}`, () => {
          const member = { poleRole: role, circles: [] };
          expect({
            edit: canEditComment(mayComment, isAuthor),
            delete: canDeleteComment(member, mayComment, isAuthor),
          }).toEqual(expected(role, mayComment, isAuthor));
        });
      }
    }
  }
  it("lets nobody outside the pôle delete", () => {
    expect(canDeleteComment(null, false, false)).toBe(false);
  });
});

describe("normalizeQuote", () => {
  it("compares selections whatever their spacing", () => {
    expect(normalizeQuote("  partagé\nsecond\t constat ")).toBe("partagé second constat");
  });
});
