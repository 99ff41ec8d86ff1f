/**
 * The collective against a real server: invitations (single and pasted lists) e-mailed
 * through a real in-process SMTP server, their whole lifecycle, onboarding and circle
 * suggestions, moves with dated history, open sync connections following placements,
 * and the audit log.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeCodes } from "../../shared/documents";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import {
  client,
  joinPole,
  sessionCookie,
  setUpPole,
  startTestServer,
  type TestServer,
} from "../helpers/server";
import { startSmtp } from "../helpers/smtp";
import {
  bodyText,
  closeDocuments,
  openDocument,
  synced,
  waitFor,
  writeParagraph,
} from "../helpers/sync-client";

const newcomerAccount = (name: string, email: string) => ({
  name,
  email,
  password: "une phrase de passe assez longue",
});

async function accept(server: TestServer, token: string, name: string, email: string) {
  const res = await client(server.url)(`/api/invitations/${token}/accept`, {
    body: newcomerAccount(name, email),
  });
  return res;
}

describe("invitations: e-mailed, listed, accepted, expired, revoked, never reused", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  // Registered after the SMTP server's hooks: starts after it, and is closed before it
  // (vitest runs afterAll hooks in reverse order).
  const t = withPole(() => ({ env: { SMTP_URL: smtp.url } }));

  const states = async () => {
    const list: Array<{ id: string; email: string | null; state: string }> = await (
      await client(
        t.server.url,
        t.pole.coordinator.cookie,
      )(`/api/poles/${t.pole.poleId}/invitations`)
    ).json();
    return new Map(list.map((invitation) => [invitation.email ?? invitation.id, invitation]));
  };

  it("e-mails one invitation in French with its single-use link", async () => {
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const res = await api(`/api/poles/${t.pole.poleId}/invitations`, {
      body: {
        email: "Lea.Garnier@Example.org",
        circles: [{ circleId: t.pole.circles.steering, role: "observer" }],
      },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toEqual({
      id: expect.any(String),
      url: expect.stringContaining(`/invitation/${created.token}`),
      token: expect.any(String),
      expiresAt: expect.any(String),
      emailed: true,
    });
    // 14 days by default.
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    await waitFor(() => smtp.mails.length === 1, "the e-mail");
    const [mail] = smtp.mails;
    expect(mail.to).toEqual(["lea.garnier@example.org"]);
    expect(mail.subject).toBe("Invitation à rejoindre « Pôle Vallée de la Drôme » sur Maillage");
    expect(mail.text).toContain("Camille Martin vous invite à rejoindre le pôle");
    expect(mail.text).toContain(created.url);
    expect(mail.text).toContain("ne sert qu'une fois");
    expect((await states()).get("lea.garnier@example.org")?.state).toBe("pending");
  });

  it("refuses a pasted list with one bad address, and writes nothing", async () => {
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const before = (await states()).size;
    const sent = smtp.mails.length;
    const res = await api(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
      body: {
        emails: "a@example.org, pas-une-adresse\nb@example.org",
        circles: [],
      },
    });
    const message = await expectError(res, 400, "invalid_input");
    expect(message).toContain("pas-une-adresse");
    const twice = await api(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
      body: { emails: "a@example.org; A@example.org", circles: [] },
    });
    expect(await expectError(twice, 400, "invalid_input")).toContain("double");
    const foreignCircle = await api(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
      body: { emails: "a@example.org", circles: [{ circleId: "nope", role: "member" }] },
    });
    await expectError(foreignCircle, 400, "invalid_input");
    const member = await api(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
      body: { emails: `x@example.org ${t.pole.coordinator.email}`, circles: [] },
    });
    expect(await expectError(member, 400, "invalid_input")).toContain("Déjà membre");
    expect((await states()).size).toBe(before);
    expect(smtp.mails.length).toBe(sent);
  });

  it("invites a pasted list: one invitation and one e-mail each", async () => {
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const res = await api(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
      body: {
        emails: "hugo@example.org,\n  ines@example.org ; <jules@example.org>\n",
        circles: [{ circleId: t.pole.circles.core, role: "member" }],
        expiresInDays: 3,
      },
    });
    expect(res.status).toBe(201);
    const { invitations } = await res.json();
    expect(invitations.map((i: { email: string }) => i.email)).toEqual([
      "hugo@example.org",
      "ines@example.org",
      "jules@example.org",
    ]);
    expect(invitations.every((i: { emailed: boolean }) => i.emailed)).toBe(true);
    await waitFor(() => smtp.mails.length === 4, "three more e-mails");
    expect(
      smtp.mails
        .slice(1)
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual(["hugo@example.org", "ines@example.org", "jules@example.org"]);
    const listed = await states();
    for (const email of ["hugo@example.org", "ines@example.org", "jules@example.org"]) {
      expect(listed.get(email)?.state).toBe("pending");
    }

    // Accepted once: seated as invited, onboarding started, and the link is spent.
    const hugo = invitations[0];
    const accepted = await accept(t.server, hugo.token, "Hugo Lambert", "hugo@example.org");
    expect(accepted.status).toBe(201);
    const hugoApi = client(t.server.url, sessionCookie(accepted));
    const onboarding = await (await hugoApi(`/api/poles/${t.pole.poleId}/onboarding`)).json();
    expect(onboarding.checklistDone).toBe(false);
    expect(onboarding.steps.read_profile).toBeNull();
    const circles = await (await hugoApi(`/api/poles/${t.pole.poleId}/circles`)).json();
    const core = circles.find((c: { kind: string }) => c.kind === "core");
    expect(core.members).toContainEqual({ userId: expect.any(String), role: "member" });
    expect((await states()).get("hugo@example.org")?.state).toBe("accepted");
    await expectError(
      await accept(t.server, hugo.token, "Autre", "autre@example.org"),
      410,
      "gone",
    );
    await expectError(
      await api(`/api/invitations/${hugo.id}`, { method: "DELETE" }),
      409,
      "conflict",
    );

    // Revoked: refused, and says so.
    const ines = invitations[1];
    expect((await api(`/api/invitations/${ines.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await states()).get("ines@example.org")?.state).toBe("revoked");
    const revoked = await accept(t.server, ines.token, "Inès", "ines@example.org");
    expect(await expectError(revoked, 410, "gone")).toContain("révoquée");

    // Expired (its date moved to the past, as time would): refused.
    const jules = invitations[2];
    await t.server.maillage.db
      .updateTable("invitations")
      .set({ expires_at: Date.now() - 1000 })
      .where("id", "=", jules.id)
      .execute();
    expect((await states()).get("jules@example.org")?.state).toBe("expired");
    const expired = await accept(t.server, jules.token, "Jules", "jules@example.org");
    expect(await expectError(expired, 410, "gone")).toContain("expirée");
    const users = await t.server.maillage.db.selectFrom("users").select("email").execute();
    expect(users.map((u) => u.email)).not.toContain("jules@example.org");
  });

  it("shows the link to copy when no SMTP server is set", async () => {
    const plain = await startTestServer();
    try {
      const founded = await setUpPole(plain);
      const res = await client(plain.url, founded.coordinator.cookie)(
        `/api/poles/${founded.poleId}/invitations/bulk`,
        { body: { emails: "solo@example.org", circles: [] } },
      );
      expect(res.status).toBe(201);
      const { invitations } = await res.json();
      expect(invitations[0]).toMatchObject({ email: "solo@example.org", emailed: false });
      expect(invitations[0].url).toContain("/invitation/");
    } finally {
      await plain.close();
    }
  });

  it("lets only coordinators invite", async () => {
    const member = await joinPole(t.server, t.pole, [
      { circleId: t.pole.circles.steering, role: "member" },
    ]);
    const bulk = (emails: string) =>
      client(t.server.url, member.cookie)(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
        body: { emails, circles: [] },
      });
    await expectError(await bulk("z@example.org"), 403, "forbidden");
    // The right is checked before the list: a refusal says nothing about the addresses.
    await expectError(await bulk("z@example.org, pas-une-adresse"), 403, "forbidden");
  });
});

describe("onboarding, placements and their effect on open documents", () => {
  let thematic: string;
  let otherThematic: string;
  let project: string;
  let page: string;

  const t = withPole();
  beforeAll(async () => {
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const create = async (body: object) =>
      (await api(`/api/poles/${t.pole.poleId}/circles`, { body })).json();
    thematic = (
      await create({
        kind: "thematic",
        name: "Réemploi",
        theme: "Économie circulaire",
        description: "Ressourceries et réparation.",
      })
    ).id;
    otherThematic = (await create({ kind: "thematic", name: "Mobilité" })).id;
    project = (await create({ kind: "project", name: "Recyclerie mobile", parentId: thematic })).id;
    page = (
      await (
        await api(`/api/poles/${t.pole.poleId}/documents`, {
          body: { kind: "page", title: "Notes du groupe réemploi", circleId: thematic },
        })
      ).json()
    ).id;
  });
  afterEach(() => closeDocuments());

  it("walks a newcomer through the steps; a confirmed suggestion reaches the open editor within a second", async () => {
    const coordination = client(t.server.url, t.pole.coordinator.cookie);
    const newcomer = await joinPole(
      t.server,
      t.pole,
      [{ circleId: thematic, role: "observer" }],
      "Noé Durand",
    );
    const api = client(t.server.url, newcomer.cookie);
    const base = `/api/poles/${t.pole.poleId}/onboarding`;

    // Structure: created on the way, in one step.
    const structure = await api(`${base}/structure`, {
      body: {
        structure: {
          name: "Ressourcerie du Val",
          legalForm: "association",
          sizeBand: "small",
          sectors: ["Réemploi"],
          ess: true,
        },
      },
    });
    expect(structure.status).toBe(200);
    expect((await structure.json()).steps.structure).not.toBeNull();

    // Why they join: a thematic interest needs a thematic group, of this pôle.
    await expectError(
      await api(`${base}/interest`, { body: { interest: "theme", circleIds: [] } }),
      400,
      "invalid_input",
    );
    await expectError(
      await api(`${base}/interest`, { body: { interest: "theme", circleIds: [project] } }),
      400,
      "invalid_input",
    );
    await expectError(
      await api(`${base}/interest`, { body: { interest: "curiosity" } }),
      400,
      "invalid_input",
    );
    const interest = await api(`${base}/interest`, {
      body: { interest: "theme", circleIds: [thematic] },
    });
    const chosen = await interest.json();
    expect(chosen.interest).toBe("theme");
    expect(chosen.suggestions).toEqual([
      expect.objectContaining({ circleId: thematic, role: "member", state: "pending" }),
    ]);

    const competencies = await api(`${base}/competencies`, {
      body: {
        competencies: ["Réparation", "réparation", "Logistique"],
        brings: "Un atelier",
        seeks: "",
      },
    });
    const afterForm = await competencies.json();
    expect(afterForm.formDone).toBe(true);
    const person = await (
      await api(`/api/poles/${t.pole.poleId}/people/${newcomer.userId}`)
    ).json();
    expect(person.competencies).toEqual(["Réparation", "Logistique"]);
    expect(person.structure.name).toBe("Ressourcerie du Val");

    // The checklist, one step at a time, marked by the server.
    await expectError(await api(`${base}/steps/nothing`, { method: "POST" }), 400, "invalid_input");
    for (const step of ["read_profile", "acknowledge_charter", "meet_circles"]) {
      expect((await api(`${base}/steps/${step}`, { method: "POST" })).status).toBe(200);
    }
    const newcomers = await (await coordination(`/api/poles/${t.pole.poleId}/newcomers`)).json();
    const noe = newcomers.find((n: { userId: string }) => n.userId === newcomer.userId);
    expect(noe).toMatchObject({ name: "Noé Durand", done: 6, total: 7, interest: "theme" });
    expect(noe.structureName).toBe("Ressourcerie du Val");
    const done = await (await api(`${base}/steps/open_diagnostic`, { method: "POST" })).json();
    expect(done.checklistDone).toBe(true);

    // Only coordinators follow newcomers.
    await expectError(await api(`/api/poles/${t.pole.poleId}/newcomers`), 403, "forbidden");

    // The open editor: read-only while observing, editable once the placement is confirmed.
    const own = openDocument(t.server, newcomer, page);
    const editor = openDocument(t.server, t.pole.coordinator, page);
    await waitFor(() => own.provider.synced && editor.provider.synced, "both to sync");
    writeParagraph(own.doc, "Avant confirmation");
    writeParagraph(editor.doc, "Repère");
    await waitFor(() => bodyText(own.doc).includes("Repère"), "the marker");
    expect(bodyText(editor.doc)).not.toContain("Avant confirmation");

    const [suggestion] = noe.suggestions;
    await expectError(
      await api(`/api/suggestions/${suggestion.id}/confirm`, { body: {} }),
      403,
      "forbidden",
    );
    const confirmed = await coordination(`/api/suggestions/${suggestion.id}/confirm`, { body: {} });
    expect(confirmed.status).toBe(200);
    await waitFor(
      () => own.closes.includes(closeCodes.accessChanged),
      "the connection to be re-opened within a second",
      1000,
    );
    await synced(own, "the reconnection");
    writeParagraph(own.doc, "Après confirmation");
    await waitFor(() => bodyText(editor.doc).includes("Après confirmation"), "the newcomer's edit");
    await expectError(
      await coordination(`/api/suggestions/${suggestion.id}/confirm`, { body: {} }),
      409,
      "conflict",
    );

    // Removed from the circle: back to reading only, within a second.
    const removed = await coordination(`/api/circles/${thematic}/members/${newcomer.userId}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    await waitFor(() => own.closes.length === 2, "the removal to cut the connection", 1000);
    await synced(own, "the read-only reconnection");
    writeParagraph(own.doc, "Plus membre");
    writeParagraph(editor.doc, "Second repère");
    await waitFor(() => bodyText(own.doc).includes("Second repère"), "the second marker");
    expect(bodyText(editor.doc)).not.toContain("Plus membre");
  });

  it("lets a coordinator change the suggested placement, or dismiss it", async () => {
    const coordination = client(t.server.url, t.pole.coordinator.cookie);
    const newcomer = await joinPole(t.server, t.pole, [], "Ada Roux");
    const api = client(t.server.url, newcomer.cookie);
    await api(`/api/poles/${t.pole.poleId}/onboarding/interest`, {
      body: { interest: "theme", circleIds: [thematic, otherThematic] },
    });
    const newcomers = await (await coordination(`/api/poles/${t.pole.poleId}/newcomers`)).json();
    const [first, second] = newcomers.find(
      (n: { userId: string }) => n.userId === newcomer.userId,
    ).suggestions;
    await expectError(
      await coordination(`/api/suggestions/${first.id}/confirm`, {
        body: { circleId: "nope" },
      }),
      400,
      "invalid_input",
    );
    const changed = await coordination(`/api/suggestions/${first.id}/confirm`, {
      body: { circleId: project, role: "facilitator" },
    });
    expect(await changed.json()).toEqual({
      circleId: project,
      userId: newcomer.userId,
      role: "facilitator",
    });
    expect((await coordination(`/api/suggestions/${second.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    const after = await (await api(`/api/poles/${t.pole.poleId}/onboarding`)).json();
    expect(after.suggestions.map((s: { state: string }) => s.state)).toEqual([
      "confirmed",
      "dismissed",
    ]);
    const circles = await (await api(`/api/poles/${t.pole.poleId}/circles`)).json();
    const seats = circles.flatMap(
      (c: { id: string; members: Array<{ userId: string; role: string }> }) =>
        c.members.filter((m) => m.userId === newcomer.userId).map((m) => [c.id, m.role]),
    );
    expect(seats).toEqual([[project, "facilitator"]]);
    // Founders are suggested for the core group, the territory's champions for the steering committee.
    const founder = await api(`/api/poles/${t.pole.poleId}/onboarding/interest`, {
      body: { interest: "founder" },
    });
    expect((await founder.json()).suggestions.at(-1)).toMatchObject({
      circleId: t.pole.circles.core,
      state: "pending",
    });
  });

  it("moves people between circles in one step and keeps the dated history", async () => {
    const coordination = client(t.server.url, t.pole.coordinator.cookie);
    const person = await joinPole(
      t.server,
      t.pole,
      [{ circleId: thematic, role: "member" }],
      "Rémi Fabre",
    );
    const move = (from: string, body: object, api = coordination) =>
      api(`/api/circles/${from}/members/${person.userId}/move`, { body });

    await expectError(
      await move(thematic, { toCircleId: thematic, role: "member" }),
      400,
      "invalid_input",
    );
    await expectError(
      await move(thematic, { toCircleId: "nowhere", role: "member" }),
      404,
      "not_found",
    );
    await expectError(
      await move(
        thematic,
        { toCircleId: otherThematic, role: "member" },
        client(t.server.url, person.cookie),
      ),
      403,
      "forbidden",
    );
    const moved = await move(thematic, { toCircleId: otherThematic, role: "facilitator" });
    expect(moved.status).toBe(200);
    await expectError(
      await move(thematic, { toCircleId: otherThematic, role: "member" }),
      404,
      "not_found",
    );

    const profile = await (
      await coordination(`/api/poles/${t.pole.poleId}/people/${person.userId}`)
    ).json();
    expect(
      profile.circles.map((c: { circleId: string; role: string }) => [c.circleId, c.role]),
    ).toEqual([[otherThematic, "facilitator"]]);
    const history = profile.history.map((e: { circleName: string; role: string | null }) => [
      e.circleName,
      e.role,
    ]);
    // Newest first: joined Mobilité and left Réemploi at the same instant, after joining it.
    expect(history).toHaveLength(3);
    expect(history).toEqual(
      expect.arrayContaining([
        ["Mobilité", "facilitator"],
        ["Réemploi", null],
        ["Réemploi", "member"],
      ]),
    );
    expect(history.at(-1)).toEqual(["Réemploi", "member"]);
    for (const event of profile.history) expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    expect(profile.history[0].actorName).toBe("Camille Martin");

    // Each circle's page tells it too.
    const pageOf = async (id: string) => (await coordination(`/api/circles/${id}`)).json();
    const reemploi = await pageOf(thematic);
    expect(reemploi).toMatchObject({
      name: "Réemploi",
      theme: "Économie circulaire",
      description: "Ressourceries et réparation.",
      canManage: true,
    });
    expect(reemploi.documents.map((d: { title: string }) => d.title)).toContain(
      "Notes du groupe réemploi",
    );
    expect(reemploi.activity[0]).toMatchObject({ userName: "Rémi Fabre", role: null });
    const mobilite = await pageOf(otherThematic);
    expect(mobilite.members).toContainEqual(
      expect.objectContaining({ name: "Rémi Fabre", role: "facilitator" }),
    );

    // A facilitator edits their circle's details; others may not.
    const details = await client(t.server.url, person.cookie)(
      `/api/circles/${otherThematic}/details`,
      {
        method: "PUT",
        body: { theme: "Mobilité douce", description: "Covoiturage, vélo." },
      },
    );
    expect((await details.json()).theme).toBe("Mobilité douce");
    await expectError(
      await client(t.server.url, person.cookie)(`/api/circles/${thematic}/details`, {
        method: "PUT",
        body: { theme: "x", description: "" },
      }),
      403,
      "forbidden",
    );
  });
});

describe("the audit log", () => {
  const t = withPole();

  it("records memberships, roles, invitations and the profile; coordinators filter it", async () => {
    const api = client(t.server.url, t.pole.coordinator.cookie);
    const profile = await api(`/api/poles/${t.pole.poleId}/profile`, {
      method: "PUT",
      body: {
        territory: "Vallée de la Drôme",
        communes: ["Crest", "Die"],
        kind: "territoire",
        actionLogics: ["network"],
        maturity: "emerging",
        formalisation: "association",
        carryingStructure: "",
        hasPlace: false,
        place: "",
      },
    });
    expect(profile.status).toBe(200);
    const member = await joinPole(
      t.server,
      t.pole,
      [{ circleId: t.pole.circles.steering, role: "member" }],
      "Lou Brun",
    );
    await api(`/api/circles/${t.pole.circles.core}/members/${member.userId}`, {
      method: "PUT",
      body: { role: "observer" },
    });
    await api(`/api/circles/${t.pole.circles.core}/members/${member.userId}`, { method: "DELETE" });
    // Pôle-wide roles: only coordinators change them, and the pôle keeps a coordinator.
    const role = (userId: string, body: object, as = api) =>
      as(`/api/poles/${t.pole.poleId}/people/${userId}/role`, { method: "PUT", body });
    await expectError(await role(t.pole.coordinator.userId, { role: "member" }), 409, "conflict");
    await expectError(
      await role(member.userId, { role: "coordinator" }, client(t.server.url, member.cookie)),
      403,
      "forbidden",
    );
    await expectError(await role(member.userId, { role: "chef" }), 400, "invalid_input");
    expect((await role(member.userId, { role: "observer" })).status).toBe(200);
    const me = await (await client(t.server.url, member.cookie)("/api/me")).json();
    expect(me.poles[0].role).toBe("observer");
    const invitation = await (
      await api(`/api/poles/${t.pole.poleId}/invitations`, { body: { circles: [] } })
    ).json();
    await api(`/api/invitations/${invitation.id}`, { method: "DELETE" });

    const all = await (await api(`/api/poles/${t.pole.poleId}/audit`)).json();
    const actions = all.entries.map((e: { action: string }) => e.action);
    for (const action of [
      "pole.founded",
      "profile.updated",
      "invitation.created",
      "invitation.accepted",
      "circle.member_placed",
      "circle.member_removed",
      "invitation.revoked",
      "member.role_changed",
    ]) {
      expect(actions).toContain(action);
    }
    const profileEntry = all.entries.find(
      (e: { action: string }) => e.action === "profile.updated",
    );
    expect(profileEntry).toMatchObject({
      actor: { id: t.pole.coordinator.userId, name: "Camille Martin" },
      details: { changed: expect.arrayContaining(["territory", "kind", "formalisation"]) },
    });
    const removal = all.entries.find(
      (e: { action: string }) => e.action === "circle.member_removed",
    );
    expect(removal.targetName).toBe("Lou Brun");

    const invitations = await (
      await api(`/api/poles/${t.pole.poleId}/audit?kind=invitation`)
    ).json();
    expect(new Set(invitations.entries.map((e: { action: string }) => e.action))).toEqual(
      new Set(["invitation.created", "invitation.accepted", "invitation.revoked"]),
    );
    const byMember = await (
      await api(`/api/poles/${t.pole.poleId}/audit?actorId=${member.userId}`)
    ).json();
    expect(byMember.entries.map((e: { action: string }) => e.action)).toEqual([
      "invitation.accepted",
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await (await api(`/api/poles/${t.pole.poleId}/audit?from=${tomorrow}`)).json();
    expect(future.entries).toEqual([]);
    await expectError(
      await api(`/api/poles/${t.pole.poleId}/audit?from=hier`),
      400,
      "invalid_input",
    );
    await expectError(
      await client(t.server.url, member.cookie)(`/api/poles/${t.pole.poleId}/audit`),
      403,
      "forbidden",
    );
  });
});
