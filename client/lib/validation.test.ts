import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { colorFor, initials } from "./color";
import { email, password, required, safeUrl } from "./validation";

// Returns the key, so the tests read which message was chosen.
const t = ((key: string) => key) as unknown as TFunction;

describe("form checks", () => {
  it("requires text and caps its length", () => {
    expect(required("  ", t)).toBe("validation.required");
    expect(required("Pôle", t)).toBeUndefined();
    expect(required("x".repeat(201), t)).toBe("validation.tooLong");
  });

  it("checks e-mail addresses and password length", () => {
    expect(email("camille@example.org", t)).toBeUndefined();
    expect(email("camille@", t)).toBe("validation.email");
    expect(password("court", t)).toBe("validation.passwordTooShort");
    expect(password("douze caract", t)).toBeUndefined();
  });

  it("keeps only web and mail links", () => {
    expect(safeUrl("https://www.labo-ess.org")).toBe("https://www.labo-ess.org/");
    expect(safeUrl("www.labo-ess.org")).toBe("https://www.labo-ess.org/");
    expect(safeUrl("mailto:contact@example.org")).toBe("mailto:contact@example.org");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("")).toBeUndefined();
  });
});

describe("people's colours and initials", () => {
  it("gives the same colour to the same id, as #rrggbb", () => {
    expect(colorFor("user-1")).toBe(colorFor("user-1"));
    expect(colorFor("user-1")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("takes first and last initials", () => {
    expect(initials("Camille Martin")).toBe("CM");
    expect(initials("Jean-Pierre de la Tour")).toBe("JT");
    expect(initials("Élise")).toBe("É");
  });
});
