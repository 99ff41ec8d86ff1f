/**
 * Issue 15, accounts: password change and reset, removal from the pôle, invitations bound
 * to their address and carrying a pôle role, login throttling, names without control
 * characters, and per-person rate limits. Real servers, real sockets, a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeCodes } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import { withPole, withServer } from "../helpers/fixture";
import {
  client,
  joinPole,
  type Person,
  sessionCookie,
  setUpPole,
  type TestServer,
} from "../helpers/server";
import { startSmtp, type TestSmtp } from "../helpers/smtp";
import { connect, waitFor } from "../helpers/sync-client";

async function signIn(server: TestServer, person: Person): Promise<Person> {
  const res = await client(server.url)("/api/auth/login", {
    body: { email: person.email, password: person.password },
  });
  expect(res.status).toBe(200);
  return { ...person, cookie: sessionCookie(res) };
}

const me = (server: TestServer, person: { cookie: string }) =>
  client(server.url, person.cookie)("/api/me");

/** The reset link's token in an e-mail's text. */
const resetToken = (text: string) => /\/mot-de-passe\/([a-z0-9]+)/.exec(text)?.[1] ?? "";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());
const withSmtp = () => ({ env: { SMTP_URL: smtp.url } });

describe("changing one's password (point 5)", () => {
  const t = withPole();

  it("ends the other sessions and closes their sockets within a second, keeping this one", async () => {
    const person = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const laptop = await signIn(t.server, person);
    const phone = await signIn(t.server, person);
    const onPhone = await connect(t.server, phone, t.pole.documents.charter);
    const onLaptop = await connect(t.server, laptop, t.pole.documents.charter);
    const next = "une toute nouvelle phrase secrète";
    const changed = await client(t.server.url, laptop.cookie)("/api/auth/password", {
      body: { current: person.password, next },
    });
    expect(changed.status).toBe(204);
    await waitFor(() => onPhone.closes.includes(closeCodes.sessionEnded), "the close", 1000);
    expect((await me(t.server, phone)).status).toBe(401);
    expect((await me(t.server, laptop)).status).toBe(200);
    expect(onLaptop.closes).toEqual([]);
    expect(onLaptop.provider.wsconnected).toBe(true);
    const old = await client(t.server.url)("/api/auth/login", {
      body: { email: person.email, password: person.password },
    });
    expect(old.status).toBe(401);
    await signIn(t.server, { ...person, password: next });
  });

  it("refuses a wrong current password, a short new one, and no session", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const api = client(t.server.url, person.cookie);
    await expectError(
      await api("/api/auth/password", {
        body: { current: "pas le bon", next: "assez longue phrase" },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await api("/api/auth/password", { body: { current: person.password, next: "court" } }),
      400,
      "invalid_input",
    );
    await expectError(
      await client(t.server.url)("/api/auth/password", {
        body: { current: person.password, next: "assez longue phrase" },
      }),
      401,
      "unauthenticated",
    );
    await signIn(t.server, person);
  });
});

describe("resetting a forgotten password by e-mail (point 5)", () => {
  const t = withPole(withSmtp);

  it("answers the same, as fast, whether or not the address has an account", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const ask = async (email: string) => {
      const started = performance.now();
      const res = await client(t.server.url)("/api/auth/reset-request", { body: { email } });
      return { status: res.status, body: await res.text(), ms: performance.now() - started };
    };
    const before = smtp.mails.length;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await ask(person.email);
      const b = await ask("personne@example.org");
      expect([a.status, a.body]).toEqual([204, ""]);
      expect([b.status, b.body]).toEqual([204, ""]);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const mean = (list: number[]) => list.reduce((sum, ms) => sum + ms, 0) / list.length;
    // The e-mail is not waited for: both answers take about as long.
    expect(Math.abs(mean(known) - mean(unknown))).toBeLessThan(150);
    await waitFor(() => smtp.mails.length >= before + 4, "the reset e-mails");
    const mails = smtp.mails.slice(before);
    expect(mails.every((mail) => mail.to[0] === person.email)).toBe(true);
    // Nobody floods a mailbox through the instance, and the refusal says nothing either.
    for (const email of [person.email, "personne@example.org"]) {
      const fifth = await ask(email);
      expect(fifth.status).toBe(204);
      const sixth = await client(t.server.url)("/api/auth/reset-request", { body: { email } });
      await expectError(sixth, 429, "throttled");
    }
    await waitFor(() => smtp.mails.length >= before + 5, "the fifth e-mail");
  });

  it("resets once with an e-mailed one-hour link, ending every session and socket", async () => {
    const person = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "member" },
    ]);
    const open = await connect(t.server, person, t.pole.documents.charter);
    const before = smtp.mails.length;
    await client(t.server.url)("/api/auth/reset-request", { body: { email: person.email } });
    await waitFor(() => smtp.mails.length > before, "the reset e-mail");
    const mail = smtp.mails[smtp.mails.length - 1];
    expect(mail.to).toEqual([person.email]);
    expect(mail.subject).toContain("mot de passe");
    const token = resetToken(mail.text);
    expect(token).not.toBe("");
    // Only a hash of the token is stored, valid for one hour.
    const stored = await t.server.maillage.db
      .selectFrom("password_resets")
      .selectAll()
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expires_at - stored.created_at).toBe(60 * 60 * 1000);

    const password = "ma nouvelle phrase de passe";
    const reset = await client(t.server.url)("/api/auth/reset", { body: { token, password } });
    expect(reset.status).toBe(204);
    await waitFor(() => open.closes.includes(closeCodes.sessionEnded), "the close", 1000);
    expect((await me(t.server, person)).status).toBe(401);
    await signIn(t.server, { ...person, password });
    const again = await client(t.server.url)("/api/auth/reset", {
      body: { token, password: "encore une autre phrase" },
    });
    await expectError(again, 410, "gone");
  });

  it("refuses an expired link with 410", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const before = smtp.mails.length;
    await client(t.server.url)("/api/auth/reset-request", { body: { email: person.email } });
    await waitFor(() => smtp.mails.length > before, "the reset e-mail");
    const token = resetToken(smtp.mails[smtp.mails.length - 1].text);
    await t.server.maillage.db
      .updateTable("password_resets")
      .set({ expires_at: Date.now() - 1 })
      .where("user_id", "=", person.userId)
      .execute();
    const res = await client(t.server.url)("/api/auth/reset", {
      body: { token, password: "une phrase bien trop tardive" },
    });
    await expectError(res, 410, "gone");
    await signIn(t.server, person);
  });

  it("retires a waiting link when the password is changed meanwhile", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const before = smtp.mails.length;
    await client(t.server.url)("/api/auth/reset-request", { body: { email: person.email } });
    await waitFor(() => smtp.mails.length > before, "the reset e-mail");
    const token = resetToken(smtp.mails[smtp.mails.length - 1].text);
    const changed = await client(t.server.url, person.cookie)("/api/auth/password", {
      body: { current: person.password, next: "changée entre-temps" },
    });
    expect(changed.status).toBe(204);
    const res = await client(t.server.url)("/api/auth/reset", {
      body: { token, password: "une phrase venue du vieux lien" },
    });
    await expectError(res, 410, "gone");
  });

  it("leaves coordinators no link to copy when e-mail works", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const res = await client(t.server.url, t.pole.coordinator.cookie)(
      `/api/poles/${t.pole.poleId}/people/${person.userId}/password-reset`,
      { method: "POST" },
    );
    await expectError(res, 409, "conflict");
  });
});

describe("a reset link to copy, without SMTP (point 5)", () => {
  const t = withPole();

  it("is issued by a coordinator for a member of the pôle, once, and audited", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const other = await joinPole(t.server, t.pole, []);
    const path = `/api/poles/${t.pole.poleId}/people/${person.userId}/password-reset`;
    await expectError(
      await client(t.server.url, other.cookie)(path, { method: "POST" }),
      403,
      "forbidden",
    );
    // Nothing is e-mailed without SMTP, whatever the address.
    const asked = await client(t.server.url)("/api/auth/reset-request", {
      body: { email: person.email },
    });
    expect(asked.status).toBe(204);
    const issued = await client(t.server.url, t.pole.coordinator.cookie)(path, { method: "POST" });
    expect(issued.status).toBe(201);
    const { url } = await issued.json();
    expect(url).toMatch(new RegExp(`^${t.server.url}/mot-de-passe/`));
    const token = resetToken(url);
    const password = "choisie par la personne";
    expect(
      (await client(t.server.url)("/api/auth/reset", { body: { token, password } })).status,
    ).toBe(204);
    await signIn(t.server, { ...person, password });
    const audit = await (
      await client(
        t.server.url,
        t.pole.coordinator.cookie,
      )(`/api/poles/${t.pole.poleId}/audit?kind=password`)
    ).json();
    expect(audit.entries[0]).toMatchObject({
      action: "password.reset_link_issued",
      target: person.userId,
      actor: { id: t.pole.coordinator.userId },
    });
  });

  it("is not issued for someone outside the pôle", async () => {
    const res = await client(t.server.url, t.pole.coordinator.cookie)(
      `/api/poles/${t.pole.poleId}/people/nobody/password-reset`,
      { method: "POST" },
    );
    await expectError(res, 404, "not_found");
  });
});

describe("removing a person from the pôle (point 6)", () => {
  const t = withPole();
  const as = (person: { cookie: string }) => client(t.server.url, person.cookie);

  it("takes them out of every circle, cuts their sockets within a second, and refuses them after", async () => {
    const leaving = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.core, role: "facilitator" },
      { circleId: t.pole.circles.steering, role: "member" },
    ]);
    const open = await connect(t.server, leaving, t.pole.documents.charter);
    const removed = await as(t.pole.coordinator)(
      `/api/poles/${t.pole.poleId}/people/${leaving.userId}`,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    await waitFor(() => open.closes.includes(closeCodes.accessRevoked), "the close", 1000);
    for (const path of ["documents", "circles", "audit", "members"]) {
      await expectError(await as(leaving)(`/api/poles/${t.pole.poleId}/${path}`), 404, "not_found");
    }
    const mine = await (await me(t.server, leaving)).json();
    expect(mine.poles).toEqual([]);
    const circles: Array<{ members: Array<{ userId: string }> }> = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/circles`)
    ).json();
    expect(circles.flatMap((c) => c.members).some((m) => m.userId === leaving.userId)).toBe(false);
    const audit = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/audit?kind=member`)
    ).json();
    expect(audit.entries[0]).toMatchObject({
      action: "member.removed",
      target: leaving.userId,
      targetName: expect.stringMatching(/^Invité/),
      actor: { id: t.pole.coordinator.userId },
      at: expect.any(String),
    });
  });

  it("is for coordinators, keeps the last coordinator, and knows only the pôle's people", async () => {
    const member = await joinPole(t.server, t.pole, []);
    const target = await joinPole(t.server, t.pole, []);
    const path = (userId: string) => `/api/poles/${t.pole.poleId}/people/${userId}`;
    await expectError(
      await as(member)(path(target.userId), { method: "DELETE" }),
      403,
      "forbidden",
    );
    await expectError(
      await as(t.pole.coordinator)(path(t.pole.coordinator.userId), { method: "DELETE" }),
      409,
      "conflict",
    );
    await expectError(
      await as(t.pole.coordinator)(path("nobody"), { method: "DELETE" }),
      404,
      "not_found",
    );
    expect((await as(target)(`/api/poles/${t.pole.poleId}/documents`)).status).toBe(200);
  });
});

describe("invitations bound to their address, with a pôle role (points 7 and 8)", () => {
  const t = withPole(withSmtp);
  const as = (person: { cookie: string }) => client(t.server.url, person.cookie);
  const invite = async (body: Record<string, unknown>) => {
    const res = await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/invitations`, { body });
    expect(res.status).toBe(201);
    return res.json() as Promise<{ id: string; token: string; url: string }>;
  };
  const newcomer = (email: string, password = "une phrase de passe assez longue") => ({
    name: "Nina Nouvelle",
    email,
    password,
  });

  it("refuses another address, signed in or new, with a clear 403", async () => {
    const { token } = await invite({ email: "lea@example.org", circles: [] });
    const other = await joinPole(t.server, t.pole, []);
    const signedIn = await as(other)(`/api/invitations/${token}/accept`, { body: {} });
    const message = await expectError(signedIn, 403, "forbidden");
    expect(message).toContain("autre adresse");
    const stranger = await client(t.server.url)(`/api/invitations/${token}/accept`, {
      body: newcomer("intrus@example.org"),
    });
    await expectError(stranger, 403, "forbidden");
    const right = await client(t.server.url)(`/api/invitations/${token}/accept`, {
      body: newcomer("lea@example.org"),
    });
    expect(right.status).toBe(201);
  });

  it("never says that an address has an account", async () => {
    const existing = await joinPole(t.server, t.pole, []);
    const { token } = await invite({ email: existing.email, circles: [] });
    const accept = (body: unknown) =>
      client(t.server.url)(`/api/invitations/${token}/accept`, { body });
    const taken = await accept(newcomer(existing.email));
    const takenMessage = await expectError(taken, 409, "conflict");
    expect(takenMessage).not.toMatch(/existe|exists/i);
    expect(takenMessage).toContain("connectez-vous");
    // The account's own password is a sign-in: the person joins signed in.
    const joined = await accept(newcomer(existing.email, existing.password));
    expect(joined.status).toBe(201);
    const cookie = sessionCookie(joined);
    expect((await (await me(t.server, { cookie })).json()).user.id).toBe(existing.userId);
  });

  it("gives the pôle role it names, commenter included", async () => {
    const { token } = await invite({
      email: "colette@example.org",
      circles: [{ circleId: t.pole.circles.core, role: "commenter" }],
      poleRole: "commenter",
    });
    const res = await client(t.server.url)(`/api/invitations/${token}/accept`, {
      body: newcomer("colette@example.org"),
    });
    expect(res.status).toBe(201);
    const cookie = sessionCookie(res);
    const mine = await (await me(t.server, { cookie })).json();
    expect(mine.poles[0].role).toBe("commenter");
    const documents: Array<{ access: string }> = await (
      await client(t.server.url, cookie)(`/api/poles/${t.pole.poleId}/documents`)
    ).json();
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.every((d) => d.access === "view")).toBe(true);
    const coordinator = await invite({ circles: [], poleRole: "coordinator" });
    const preview = await (
      await client(t.server.url)(`/api/invitations/${coordinator.token}`)
    ).json();
    expect(preview.poleRole).toBe("coordinator");
  });

  it("says on its page who invites, into which circles, with which role", async () => {
    const { token } = await invite({
      email: "paul@example.org",
      circles: [
        { circleId: t.pole.circles.steering, role: "observer" },
        { circleId: t.pole.circles.core, role: "member" },
      ],
      poleRole: "member",
    });
    const preview = await (await client(t.server.url)(`/api/invitations/${token}`)).json();
    expect(preview).toMatchObject({
      inviter: { name: "Camille Martin" },
      email: "paul@example.org",
      poleRole: "member",
      circles: [
        { circleId: t.pole.circles.steering, kind: "steering", role: "observer" },
        { circleId: t.pole.circles.core, kind: "core", role: "member" },
      ],
    });
    expect(preview.circles[0].name).toBe("Comité de pilotage");
  });

  it("shows the link again and re-sends it, each time replacing the former link", async () => {
    const before = smtp.mails.length;
    const first = await invite({
      email: "rosa@example.org",
      circles: [{ circleId: t.pole.circles.core, role: "member" }],
    });
    await waitFor(() => smtp.mails.length > before, "the first e-mail");
    expect(smtp.mails[smtp.mails.length - 1].text).toContain("rôle dans le pôle : membre");
    const shown = await as(t.pole.coordinator)(`/api/invitations/${first.id}/link`, {
      method: "POST",
    });
    expect(shown.status).toBe(201);
    const second = await shown.json();
    expect(second.token).not.toBe(first.token);
    expect((await client(t.server.url)(`/api/invitations/${first.token}`)).status).toBe(404);
    const resent = await as(t.pole.coordinator)(`/api/invitations/${first.id}/resend`, {
      method: "POST",
    });
    expect(resent.status).toBe(201);
    const third = await resent.json();
    expect(third.emailed).toBe(true);
    await waitFor(() => smtp.mails.some((m) => m.text.includes(third.url)), "the new e-mail");
    expect((await client(t.server.url)(`/api/invitations/${second.token}`)).status).toBe(404);
    const member = await joinPole(t.server, t.pole, []);
    await expectError(
      await as(member)(`/api/invitations/${first.id}/resend`, { method: "POST" }),
      403,
      "forbidden",
    );
  });
});

describe("login throttling (point 9)", () => {
  const t = withServer({ env: { TRUST_PROXY: "127.0.0.1" } });
  let coordinator: Person;
  beforeAll(async () => {
    coordinator = (await setUpPole(t.server)).coordinator;
  });
  const login = (email: string, password: string, from: string) =>
    client(t.server.url)("/api/auth/login", {
      body: { email, password },
      headers: { "x-forwarded-for": from },
    });

  it("does not let failures on other accounts lock the right password out", async () => {
    for (let i = 0; i < 40; i++) {
      expect((await login(`cible-${i}@example.org`, "devine", "203.0.113.7")).status).toBe(401);
    }
    expect((await login(coordinator.email, coordinator.password, "203.0.113.7")).status).toBe(200);
  });

  it("locks one account from one address with growing delays, not a wall", async () => {
    const email = "victime@example.org";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await login(email, `faux ${i}`, "198.51.100.1")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await login(coordinator.email, "faux", "198.51.100.2");
    expect(locked.status).toBe(401);
    for (let i = 0; i < 4; i++) await login(coordinator.email, `faux ${i}`, "198.51.100.2");
    const waiting = await login(coordinator.email, coordinator.password, "198.51.100.2");
    await expectError(waiting, 429, "throttled");
    expect(waiting.headers.get("retry-after")).toBe("1");
    // Another address is not held back by this one's guesses.
    expect((await login(coordinator.email, coordinator.password, "198.51.100.3")).status).toBe(200);
    // A second later the right password works from there too.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await login(coordinator.email, coordinator.password, "198.51.100.2")).status).toBe(200);
  });
});

describe("X-Forwarded-For from an untrusted peer (point 9)", () => {
  const t = withPole();

  it("is ignored: changing it does not escape the lock", async () => {
    const login = (password: string, from: string) =>
      client(t.server.url)("/api/auth/login", {
        body: { email: t.pole.coordinator.email, password },
        headers: { "x-forwarded-for": from },
      });
    for (let i = 0; i < 5; i++) expect((await login(`faux ${i}`, `192.0.2.${i}`)).status).toBe(401);
    await expectError(await login(t.pole.coordinator.password, "192.0.2.99"), 429, "throttled");
  });
});

describe("names and titles (point 16)", () => {
  const t = withPole();
  const as = (person: { cookie: string }) => client(t.server.url, person.cookie);
  const forged = [
    "Pôle\r\nBcc: everyone@example.org",
    "Nom\u0000caché",
    "Groupe \u202Efdp.exe",
    "Cercle \u2066isolé\u2069",
    "Tab\tulé",
  ];

  it("refuses control and bidirectional characters in every name and title, with a French 400", async () => {
    const routes: Array<[string, (name: string) => unknown]> = [
      ["/api/poles", (name) => ({ name })],
      [`/api/poles/${t.pole.poleId}/circles`, (name) => ({ kind: "thematic", name })],
      [
        `/api/poles/${t.pole.poleId}/structures`,
        (name) => ({ name, legalForm: "association", sizeBand: null, sectors: [], ess: true }),
      ],
      [
        `/api/poles/${t.pole.poleId}/documents`,
        (title) => ({ kind: "page", title, circleId: t.pole.circles.core }),
      ],
      [
        `/api/poles/${t.pole.poleId}/decisions`,
        (title) => ({ circleId: t.pole.circles.core, title, method: "majority" }),
      ],
      [`/api/documents/${t.pole.documents.charter}/amendments`, (title) => ({ title })],
      [`/api/documents/${t.pole.documents.charter}/versions`, (name) => ({ name })],
      [
        `/api/poles/${t.pole.poleId}/maturity/campaigns`,
        (title) => ({
          title,
          opensOn: "2030-01-01",
          closesOn: "2030-02-01",
          audience: { kind: "pole" },
        }),
      ],
    ];
    for (const [path, body] of routes) {
      for (const name of forged) {
        const message = await expectError(
          await as(t.pole.coordinator)(path, { body: body(name) }),
          400,
          "invalid_input",
        );
        expect(message, `${path} ${JSON.stringify(name)}`).toContain("caractère invisible");
      }
    }
    const { token } = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/invitations`, {
        body: { circles: [] },
      })
    ).json();
    const newcomer = await client(t.server.url)(`/api/invitations/${token}/accept`, {
      body: { name: forged[0], email: "x@example.org", password: "une phrase assez longue" },
    });
    await expectError(newcomer, 400, "invalid_input");
    // Accents, apostrophes and dashes are names like any other.
    const fine = await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Économie circulaire — l'atelier « Réemploi »" },
    });
    expect(fine.status).toBe(201);
  });
});

describe("rate limits per person (point 16)", () => {
  const t = withPole(withSmtp);
  const as = (person: { cookie: string }) => client(t.server.url, person.cookie);

  it("limits the pôles one person founds in a day", async () => {
    const person = await joinPole(t.server, t.pole, []);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await as(person)("/api/poles", { body: { name: `Pôle ${i}` } })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await as(person)("/api/poles", { body: { name: "Encore un" } });
    await expectError(refused, 429, "throttled");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3600);
    // Another person is not held back.
    expect((await as(t.pole.coordinator)("/api/poles", { body: { name: "Le sien" } })).status).toBe(
      201,
    );
  });

  it("limits the invitations one person has e-mailed in an hour, writing nothing past it", async () => {
    const bulk = (emails: string[]) =>
      as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
        body: { emails: emails.join("\n"), circles: [] },
      });
    const list = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}-${i}@example.org`);
    expect((await bulk(list("premier", 150))).status).toBe(201);
    const over = await bulk(list("second", 60));
    await expectError(over, 429, "throttled");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const invitations: Array<{ email: string | null }> = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/invitations`)
    ).json();
    expect(invitations.some((i) => i.email?.startsWith("second-"))).toBe(false);
    expect((await bulk(list("reste", 50))).status).toBe(201);
    await expectError(await bulk(list("dernier", 1)), 429, "throttled");
  });
});
