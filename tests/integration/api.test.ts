import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../helpers/contract";
import { withPole, withServer } from "../helpers/fixture";
import {
  client,
  joinPole,
  type Person,
  sessionCookie,
  setUpPole,
  startTestServer,
} from "../helpers/server";

describe("set-up of a fresh instance", () => {
  const t = withServer();

  it("answers health and says set-up is needed", async () => {
    const api = client(t.server.url);
    expect(await (await api("/api/health")).json()).toEqual({ ok: true });
    expect(await (await api("/api/setup")).json()).toEqual({ needed: true });
  });

  it("refuses bad input with a clear error and creates nothing", async () => {
    const api = client(t.server.url);
    const short = await api("/api/setup", {
      body: {
        pole: { name: "Pôle" },
        admin: { name: "A", email: "a@example.org", password: "court" },
      },
    });
    await expectError(short, 400, "invalid_input");
    await expectError(await api("/api/setup", { body: { pole: {} } }), 400, "invalid_input");
    const malformed = await api("/api/setup", {
      body: undefined,
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(await (await api("/api/setup")).json()).toEqual({ needed: true });
  });

  it("creates the pôle, its circles and documents, signs the coordinator in, then refuses a second set-up", async () => {
    const pole = await setUpPole(t.server);
    const api = client(t.server.url, pole.coordinator.cookie);
    const me = await (await api("/api/me")).json();
    expect(me).toEqual({
      user: {
        id: pole.coordinator.userId,
        name: "Camille Martin",
        email: "coordination@example.org",
      },
      poles: [
        {
          id: pole.poleId,
          slug: "pole-vallee-de-la-drome",
          name: "Pôle Vallée de la Drôme",
          role: "coordinator",
        },
      ],
      canFoundPole: true,
    });
    const circles = await (await api(`/api/poles/${pole.poleId}/circles`)).json();
    expect(circles.map((c: { kind: string; name: string }) => [c.kind, c.name])).toEqual([
      ["core", "Noyau dur"],
      ["steering", "Comité de pilotage"],
    ]);
    for (const circle of circles) {
      expect(circle.members).toEqual([{ userId: pole.coordinator.userId, role: "facilitator" }]);
    }
    const documents = await (await api(`/api/poles/${pole.poleId}/documents`)).json();
    expect(documents).toEqual([
      {
        id: pole.documents.diagnostic,
        kind: "diagnostic",
        title: "Diagnostic de territoire",
        circleId: pole.circles.steering,
        access: "edit",
      },
      {
        id: pole.documents.charter,
        kind: "charter",
        title: "Charte de gouvernance",
        circleId: pole.circles.core,
        access: "edit",
      },
    ]);
    const again = await client(t.server.url)("/api/setup", {
      body: {
        pole: { name: "Autre" },
        admin: { name: "B", email: "b@example.org", password: "long enough password" },
      },
    });
    await expectError(again, 409, "conflict");
    expect(await (await client(t.server.url)("/api/setup")).json()).toEqual({ needed: false });
  });
});

describe("sessions, throttling and CSRF", () => {
  const t = withPole();

  it("signs in, answers /me, signs out server-side", async () => {
    const { email, password } = t.pole.coordinator;
    const login = await client(t.server.url)("/api/auth/login", {
      body: { email: email.toUpperCase(), password },
    });
    expect(login.status).toBe(200);
    expect((await login.json()).user.email).toBe(email);
    const setCookie = login.headers.getSetCookie()[0];
    expect(setCookie).toMatch(/^maillage_session=[a-z2-7]{32};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(login);
    expect((await client(t.server.url, cookie)("/api/me")).status).toBe(200);
    expect(
      (await client(t.server.url, cookie)("/api/auth/logout", { method: "POST" })).status,
    ).toBe(204);
    await expectError(await client(t.server.url, cookie)("/api/me"), 401, "unauthenticated");
  });

  it("says 401 on a wrong password or unknown account, without telling which", async () => {
    const api = client(t.server.url);
    const wrong = await api("/api/auth/login", {
      body: { email: t.pole.coordinator.email, password: "not the password" },
    });
    const unknown = await api("/api/auth/login", {
      body: { email: "nobody@example.org", password: "whatever it is" },
    });
    await expectError(wrong, 401, "unauthenticated");
    await expectError(unknown, 401, "unauthenticated");
  });

  it("throttles an account after repeated failures, even for the right password", async () => {
    const api = client(t.server.url);
    const email = "throttled@example.org";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await api("/api/auth/login", { body: { email, password: `wrong ${i}` } })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const throttled = await api("/api/auth/login", { body: { email, password: "wrong again" } });
    await expectError(throttled, 429, "throttled");
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    // The coordinator's account is not affected by another account's failures.
    const ok = await api("/api/auth/login", {
      body: { email: t.pole.coordinator.email, password: t.pole.coordinator.password },
    });
    expect(ok.status).toBe(200);
  });

  it("refuses state-changing requests without a matching Origin, whatever the content type", async () => {
    const body = JSON.stringify({
      email: t.pole.coordinator.email,
      password: t.pole.coordinator.password,
    });
    const noOrigin = await fetch(`${t.server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    await expectError(noOrigin, 403, "forbidden");
    const foreign = await fetch(`${t.server.url}/api/poles`, {
      method: "POST",
      headers: {
        "content-type": "text/plain",
        origin: "https://evil.example",
        cookie: t.pole.coordinator.cookie,
      },
      body: JSON.stringify({ name: "Pôle pirate" }),
    });
    await expectError(foreign, 403, "forbidden");
    const me = await (await client(t.server.url, t.pole.coordinator.cookie)("/api/me")).json();
    expect(me.poles).toHaveLength(1);
  });

  it("sends secure headers and JSON errors for unknown routes", async () => {
    const response = await client(t.server.url)("/api/nothing-here");
    await expectError(response, 404, "not_found");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("refuses oversize bodies with 413 and keeps serving", async () => {
    // On a server of its own: the refused upload's socket is closed, not reused.
    const other = await startTestServer();
    try {
      const huge = await client(other.url)("/api/setup", {
        body: { pole: { name: "x".repeat(2_000_000) } },
      });
      await expectError(huge, 413, "too_large");
      expect((await client(other.url)("/api/health")).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("needs a session for the pôle's routes", async () => {
    await expectError(
      await client(t.server.url)(`/api/poles/${t.pole.poleId}/documents`),
      401,
      "unauthenticated",
    );
    await expectError(
      await client(t.server.url)("/api/poles", { body: { name: "P" } }),
      401,
      "unauthenticated",
    );
  });
});

describe("invitations", () => {
  const t = withPole();

  const invite = (body: object, cookie = t.pole.coordinator.cookie) =>
    client(t.server.url, cookie)(`/api/poles/${t.pole.poleId}/invitations`, { body });

  it("creates a link, lets a newcomer accept it once, then answers 410", async () => {
    const created = await invite({
      email: "lea@example.org",
      circles: [{ circleId: t.pole.circles.steering, role: "member" }],
    });
    expect(created.status).toBe(201);
    const invitation = await created.json();
    expect(invitation.url).toBe(`${t.server.url}/invitation/${invitation.token}`);
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
    const preview = await (
      await client(t.server.url)(`/api/invitations/${invitation.token}`)
    ).json();
    expect(preview.pole).toEqual({ id: t.pole.poleId, name: "Pôle Vallée de la Drôme" });

    const newcomer = {
      name: "Léa Dubois",
      email: "lea@example.org",
      password: "a long passphrase here",
    };
    const accepted = await client(t.server.url)(`/api/invitations/${invitation.token}/accept`, {
      body: newcomer,
    });
    expect(accepted.status).toBe(201);
    const cookie = sessionCookie(accepted);
    const me = await (await client(t.server.url, cookie)("/api/me")).json();
    expect(me.poles).toEqual([expect.objectContaining({ id: t.pole.poleId, role: "member" })]);
    const documents = await (
      await client(t.server.url, cookie)(`/api/poles/${t.pole.poleId}/documents`)
    ).json();
    expect(documents.map((d: { access: string }) => d.access)).toEqual(["edit", "edit"]);

    const reused = await client(t.server.url)(`/api/invitations/${invitation.token}/accept`, {
      body: { ...newcomer, email: "other@example.org" },
    });
    await expectError(reused, 410, "gone");
    await expectError(
      await client(t.server.url)(`/api/invitations/${invitation.token}`),
      410,
      "gone",
    );
    const list = await (
      await client(
        t.server.url,
        t.pole.coordinator.cookie,
      )(`/api/poles/${t.pole.poleId}/invitations`)
    ).json();
    expect(list[0]).toMatchObject({
      id: invitation.id,
      state: "accepted",
      email: "lea@example.org",
    });
  });

  it("answers 410 for an expired invitation and creates no account", async () => {
    const { id, token } = await (await invite({ circles: [] })).json();
    await t.server.maillage.db
      .updateTable("invitations")
      .set({ expires_at: Date.now() - 1 })
      .where("id", "=", id)
      .execute();
    const accept = await client(t.server.url)(`/api/invitations/${token}/accept`, {
      body: { name: "Tard", email: "late@example.org", password: "a long passphrase here" },
    });
    await expectError(accept, 410, "gone");
    const user = await t.server.maillage.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "late@example.org")
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it("answers 410 once revoked, 404 for unknown tokens", async () => {
    const { id, token } = await (await invite({ circles: [] })).json();
    expect(
      (
        await client(t.server.url, t.pole.coordinator.cookie)(`/api/invitations/${id}`, {
          method: "DELETE",
        })
      ).status,
    ).toBe(204);
    await expectError(
      await client(t.server.url)(`/api/invitations/${token}/accept`, { body: {} }),
      410,
      "gone",
    );
    await expectError(
      await client(t.server.url)("/api/invitations/nope/accept", { body: {} }),
      404,
      "not_found",
    );
  });

  it("lets a signed-in person join with an empty body", async () => {
    const other = await client(t.server.url, t.pole.coordinator.cookie)("/api/poles", {
      body: { name: "Pôle Diois" },
    });
    const diois = await other.json();
    const circles = await (
      await client(t.server.url, t.pole.coordinator.cookie)(`/api/poles/${diois.id}/circles`)
    ).json();
    const { token } = await (
      await client(t.server.url, t.pole.coordinator.cookie)(`/api/poles/${diois.id}/invitations`, {
        body: { circles: [{ circleId: circles[0].id, role: "observer" }] },
      })
    ).json();
    const member = await joinPole(t.server, t.pole, []);
    const joined = await client(t.server.url, member.cookie)(`/api/invitations/${token}/accept`, {
      body: {},
    });
    expect(joined.status).toBe(200);
    const me = await (await client(t.server.url, member.cookie)("/api/me")).json();
    expect(me.poles.map((p: { name: string }) => p.name)).toEqual([
      "Pôle Vallée de la Drôme",
      "Pôle Diois",
    ]);
  });

  it("is for coordinators only, with circles of their own pôle", async () => {
    const member = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.steering, role: "facilitator" },
    ]);
    await expectError(await invite({ circles: [] }, member.cookie), 403, "forbidden");
    await expectError(
      await invite({ circles: [{ circleId: "unknown", role: "member" }] }),
      400,
      "invalid_input",
    );
    await expectError(
      await invite({ circles: [{ circleId: t.pole.circles.core, role: "chief" }] }),
      400,
      "invalid_input",
    );
  });
});

describe("circles, documents and pôle isolation", () => {
  let member: Person;
  let observer: Person;
  const t = withPole();
  beforeAll(async () => {
    member = await joinPole(t.server, t.pole, [{ circleId: t.pole.circles.core, role: "member" }]);
    observer = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.steering, role: "observer" },
    ]);
  });

  const as = (person: Person) => client(t.server.url, person.cookie);

  it("marks documents modifiable or read-only per the rules", async () => {
    const access = async (person: Person) =>
      (await (await as(person)(`/api/poles/${t.pole.poleId}/documents`)).json()).map(
        (d: { kind: string; access: string }) => `${d.kind}:${d.access}`,
      );
    expect(await access(member)).toEqual(["diagnostic:edit", "charter:edit"]);
    expect(await access(observer)).toEqual(["diagnostic:view", "charter:view"]);
    const detail = await (
      await as(observer)(`/api/documents/${t.pole.documents.diagnostic}`)
    ).json();
    expect(detail).toMatchObject({
      id: t.pole.documents.diagnostic,
      kind: "diagnostic",
      poleId: t.pole.poleId,
      access: "view",
    });
  });

  it("creates thematic groups with their board, and project groups under them", async () => {
    const api = as(t.pole.coordinator);
    const created = await api(`/api/poles/${t.pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Réemploi" },
    });
    expect(created.status).toBe(201);
    const thematic = await created.json();
    expect(thematic).toEqual({
      id: expect.any(String),
      kind: "thematic",
      name: "Réemploi",
      parentId: null,
    });
    const documents = await (await api(`/api/poles/${t.pole.poleId}/documents`)).json();
    expect(documents).toContainEqual(
      expect.objectContaining({ kind: "board", circleId: thematic.id, access: "edit" }),
    );
    await expectError(
      await api(`/api/poles/${t.pole.poleId}/circles`, {
        body: { kind: "project", name: "Ressourcerie" },
      }),
      400,
      "invalid_input",
    );
    const project = await api(`/api/poles/${t.pole.poleId}/circles`, {
      body: { kind: "project", name: "Ressourcerie", parentId: thematic.id },
    });
    expect(await project.json()).toMatchObject({ kind: "project", parentId: thematic.id });
    await expectError(
      await as(member)(`/api/poles/${t.pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Mobilité" },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await api(`/api/poles/${t.pole.poleId}/circles`, {
        body: { kind: "core", name: "Deuxième noyau" },
      }),
      400,
      "invalid_input",
    );
  });

  it("places, moves and removes people, for coordinators and the circle's facilitators", async () => {
    const path = `/api/circles/${t.pole.circles.steering}/members/${member.userId}`;
    await expectError(
      await as(member)(path, { method: "PUT", body: { role: "member" } }),
      403,
      "forbidden",
    );
    expect(
      (await as(t.pole.coordinator)(path, { method: "PUT", body: { role: "facilitator" } })).status,
    ).toBe(200);
    // Now a facilitator of the steering committee, the member places the observer there.
    const observerPath = `/api/circles/${t.pole.circles.steering}/members/${observer.userId}`;
    expect(
      (await as(member)(observerPath, { method: "PUT", body: { role: "member" } })).status,
    ).toBe(200);
    await expectError(
      await as(member)(observerPath, { method: "PUT", body: { role: "king" } }),
      400,
      "invalid_input",
    );
    const circles = await (
      await as(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/circles`)
    ).json();
    const steering = circles.find((c: { kind: string }) => c.kind === "steering");
    expect(steering.members).toEqual(
      expect.arrayContaining([
        { userId: member.userId, role: "facilitator" },
        { userId: observer.userId, role: "member" },
      ]),
    );
    expect((await as(member)(observerPath, { method: "DELETE" })).status).toBe(204);
    await expectError(await as(member)(observerPath, { method: "DELETE" }), 404, "not_found");
    const history = await t.server.maillage.db
      .selectFrom("membership_events")
      .select(["role"])
      .where("user_id", "=", observer.userId)
      .orderBy("id")
      .execute();
    expect(history.map((h) => h.role)).toEqual(["observer", "member", null]);
  });

  it("creates free pages for those who edit the circle", async () => {
    const body = { kind: "page", title: "Compte rendu du 12 mars", circleId: t.pole.circles.core };
    const created = await as(member)(`/api/poles/${t.pole.poleId}/documents`, { body });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      id: expect.any(String),
      kind: "page",
      title: body.title,
      circleId: t.pole.circles.core,
    });
    await expectError(
      await as(observer)(`/api/poles/${t.pole.poleId}/documents`, { body }),
      403,
      "forbidden",
    );
    await expectError(
      await as(member)(`/api/poles/${t.pole.poleId}/documents`, {
        body: { ...body, kind: "diagnostic" },
      }),
      400,
      "invalid_input",
    );
  });

  it("keeps pôles apart: outsiders get 404, never a glimpse", async () => {
    const founded = await as(member)("/api/poles", { body: { name: "Pôle Vallée de la Drôme" } });
    expect(founded.status).toBe(201);
    const other = await founded.json();
    expect(other.slug).toBe("pole-vallee-de-la-drome-2");
    const otherDocs = await (await as(member)(`/api/poles/${other.id}/documents`)).json();
    for (const path of [
      `/api/poles/${other.id}/documents`,
      `/api/poles/${other.id}/circles`,
      `/api/poles/${other.id}/members`,
      `/api/documents/${otherDocs[0].id}`,
    ]) {
      await expectError(await as(observer)(path), 404, "not_found");
    }
    await expectError(
      await as(t.pole.coordinator)(`/api/poles/${other.id}/invitations`, { body: { circles: [] } }),
      404,
      "not_found",
    );
    await expectError(await as(observer)("/api/documents/not-a-document"), 404, "not_found");
  });
});
