/**
 * The pôle's profile, structures, people and the *qui fait quoi* directory against a real
 * server: folded French search, filters, edit rights, bad input, and two pôles on one
 * server that never see each other.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import { client, joinPole, type Person, sessionCookie } from "../helpers/server";

const t = withPole();

const profileBody = {
  territory: "Communauté de communes du Crestois",
  communes: ["Crest", "Aouste-sur-Sye", "Crest"],
  kind: "territoire",
  actionLogics: ["network", "engineering"],
  maturity: "developing",
  formalisation: "scic",
  carryingStructure: "SCIC Val de Drôme",
  hasPlace: true,
  place: "Tiers-lieu La Gare",
};

let alice: Person;
let basile: Person;
let thematic: string;

const api = (person: Person) => client(t.server.url, person.cookie);

beforeAll(async () => {
  const coordination = api(t.pole.coordinator);
  thematic = (
    await (
      await coordination(`/api/poles/${t.pole.poleId}/circles`, {
        body: { kind: "thematic", name: "Économie circulaire" },
      })
    ).json()
  ).id;
  alice = await joinPole(
    t.server,
    t.pole,
    [{ circleId: thematic, role: "member" }],
    "Alice Lefèvre",
  );
  basile = await joinPole(
    t.server,
    t.pole,
    [{ circleId: t.pole.circles.steering, role: "observer" }],
    "Basile Noël",
  );
});

describe("the pôle's profile", () => {
  it("is written by coordinators, read by every member, and refuses bad input whole", async () => {
    const empty = await (await api(alice)(`/api/poles/${t.pole.poleId}/profile`)).json();
    expect(empty).toMatchObject({ territory: "", kind: null, actionLogics: [], updatedAt: null });

    const saved = await api(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/profile`, {
      method: "PUT",
      body: profileBody,
    });
    expect(saved.status).toBe(200);
    const read = await (await api(alice)(`/api/poles/${t.pole.poleId}/profile`)).json();
    expect(read).toEqual({
      ...profileBody,
      communes: ["Crest", "Aouste-sur-Sye"],
      updatedAt: expect.any(String),
    });

    await expectError(
      await api(alice)(`/api/poles/${t.pole.poleId}/profile`, { method: "PUT", body: profileBody }),
      403,
      "forbidden",
    );
    for (const bad of [
      { ...profileBody, kind: "metropole" },
      { ...profileBody, formalisation: "sarl" },
      { ...profileBody, actionLogics: ["network", "network"] },
      { ...profileBody, territory: "x".repeat(2001) },
      { ...profileBody, hasPlace: "oui" },
    ]) {
      await expectError(
        await api(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/profile`, {
          method: "PUT",
          body: bad,
        }),
        400,
        "invalid_input",
      );
    }
    expect(await (await api(alice)(`/api/poles/${t.pole.poleId}/profile`)).json()).toEqual(read);
  });
});

describe("structures and people", () => {
  it("adds structures, refuses a duplicate name whatever its accents, and keeps edit rights", async () => {
    const created = await api(alice)(`/api/poles/${t.pole.poleId}/structures`, {
      body: {
        name: "Régie de quartier Économie Solidaire",
        legalForm: "association",
        sizeBand: "small",
        sectors: ["Insertion", "Réemploi"],
        ess: true,
      },
    });
    expect(created.status).toBe(201);
    const structure = await created.json();
    const duplicate = await api(basile)(`/api/poles/${t.pole.poleId}/structures`, {
      body: {
        name: "REGIE de quartier economie solidaire",
        legalForm: "scop",
        sizeBand: null,
        sectors: [],
        ess: true,
      },
    });
    expect(await expectError(duplicate, 409, "conflict")).toContain("existe déjà");
    await expectError(
      await api(alice)(`/api/poles/${t.pole.poleId}/structures`, {
        body: { name: "X", legalForm: "gie", sizeBand: null, sectors: [], ess: false },
      }),
      400,
      "invalid_input",
    );

    // Alice joins it through her own profile; then she may edit it, Basile may not.
    const own = await api(alice)(`/api/poles/${t.pole.poleId}/people/${alice.userId}`, {
      method: "PUT",
      body: {
        structureId: structure.id,
        roleInStructure: "Chargée de mission",
        competencies: ["Réemploi", "Économie circulaire", "Animation de réseau"],
        brings: "Un atelier de réparation partagé",
        seeks: "Des partenaires pour la logistique",
      },
    });
    expect(own.status).toBe(200);
    expect((await own.json()).structure.name).toBe("Régie de quartier Économie Solidaire");
    const edit = {
      name: "Régie de quartier",
      legalForm: "association",
      sizeBand: "medium",
      sectors: [],
      ess: true,
    };
    expect(
      (await api(alice)(`/api/structures/${structure.id}`, { method: "PUT", body: edit })).status,
    ).toBe(200);
    await expectError(
      await api(basile)(`/api/structures/${structure.id}`, { method: "PUT", body: edit }),
      403,
      "forbidden",
    );
    const list = await (await api(basile)(`/api/poles/${t.pole.poleId}/structures`)).json();
    expect(list).toEqual([
      expect.objectContaining({ name: "Régie de quartier", sizeBand: "medium", memberCount: 1 }),
    ]);
  });

  it("lets each person edit their own profile, and coordinators help", async () => {
    const body = {
      structureId: null,
      roleInStructure: "",
      competencies: ["Mobilité"],
      brings: "",
      seeks: "",
    };
    await expectError(
      await api(basile)(`/api/poles/${t.pole.poleId}/people/${alice.userId}`, {
        method: "PUT",
        body,
      }),
      403,
      "forbidden",
    );
    const mine = await api(basile)(`/api/poles/${t.pole.poleId}/people/${basile.userId}`, {
      method: "PUT",
      body: { ...body, competencies: ["Mobilité douce", "Vélo-logistique"] },
    });
    expect(mine.status).toBe(200);
    await expectError(
      await api(basile)(`/api/poles/${t.pole.poleId}/people/${basile.userId}`, {
        method: "PUT",
        body: { ...body, structureId: "not-a-structure" },
      }),
      400,
      "invalid_input",
    );
    await expectError(
      await api(basile)(`/api/poles/${t.pole.poleId}/people/${basile.userId}`, {
        method: "PUT",
        body: { ...body, competencies: Array.from({ length: 41 }, (_, i) => `c${i}`) },
      }),
      400,
      "invalid_input",
    );
    const after = await (
      await api(alice)(`/api/poles/${t.pole.poleId}/people/${basile.userId}`)
    ).json();
    expect(after.competencies).toEqual(["Mobilité douce", "Vélo-logistique"]);
    // Addresses stay between the person and the coordination.
    expect(after.email).toBeNull();
    expect(after.canEdit).toBe(false);
    const asCoordinator = await (
      await api(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/people/${basile.userId}`)
    ).json();
    expect(asCoordinator).toMatchObject({ email: basile.email, canEdit: true });
  });
});

describe("the directory: qui fait quoi", () => {
  const search = async (query: string, person: Person = basile) => {
    const res = await api(person)(`/api/poles/${t.pole.poleId}/directory${query}`);
    expect(res.status).toBe(200);
    const body: { people: Array<{ name: string }>; competencies: string[] } = await res.json();
    return body;
  };
  const names = async (query: string) => (await search(query)).people.map((p) => p.name);

  it("finds people with accents folded, in any case", async () => {
    expect(await names("?q=economie")).toEqual(["Alice Lefèvre"]);
    expect(await names("?q=ÉCONOMIE%20circulaire")).toEqual(["Alice Lefèvre"]);
    expect(await names("?q=reemploi")).toEqual(["Alice Lefèvre"]);
    expect(await names("?q=lefevre")).toEqual(["Alice Lefèvre"]);
    expect(await names("?q=noel")).toEqual(["Basile Noël"]);
    expect(await names("?q=velo")).toEqual(["Basile Noël"]);
    expect(await names("?q=r%C3%A9gie")).toEqual(["Alice Lefèvre"]);
    expect(await names("?q=introuvable")).toEqual([]);
  });

  it("filters by competency, circle and structure type", async () => {
    expect(await names("?competency=REEMPLOI")).toEqual(["Alice Lefèvre"]);
    expect(await names("?competency=reemp")).toEqual([]);
    expect(await names(`?circleId=${thematic}`)).toEqual(["Alice Lefèvre"]);
    expect(await names(`?circleId=${t.pole.circles.steering}`)).toEqual([
      "Basile Noël",
      "Camille Martin",
    ]);
    expect(await names("?legalForm=association")).toEqual(["Alice Lefèvre"]);
    expect(await names("?legalForm=scop")).toEqual([]);
    expect(await names(`?legalForm=association&circleId=${t.pole.circles.steering}`)).toEqual([]);
    const { competencies } = await search("");
    expect(competencies).toEqual([
      "Animation de réseau",
      "Économie circulaire",
      "Mobilité douce",
      "Réemploi",
      "Vélo-logistique",
    ]);
    await expectError(
      await api(basile)(`/api/poles/${t.pole.poleId}/directory?legalForm=gie`),
      400,
      "invalid_input",
    );
  });
});

describe("pôle isolation: two pôles on one server", () => {
  let other: { poleId: string; coordinator: Person };

  beforeAll(async () => {
    // Zoé joins the first pôle's coordination list only to found her own; then she leaves
    // it, so that each coordinator belongs to one pôle alone.
    const invitation = await (
      await api(t.pole.coordinator)(`/api/poles/${t.pole.poleId}/invitations`, {
        body: { circles: [] },
      })
    ).json();
    const accepted = await client(t.server.url)(`/api/invitations/${invitation.token}/accept`, {
      body: { name: "Zoé Girard", email: "zoe@example.org", password: "une autre phrase longue" },
    });
    const cookie = sessionCookie(accepted);
    const { userId } = await accepted.json();
    const founded = await (
      await client(t.server.url, cookie)("/api/poles", { body: { name: "PTCE Pays Voironnais" } })
    ).json();
    await t.server.maillage.db
      .deleteFrom("pole_members")
      .where("pole_id", "=", t.pole.poleId)
      .where("user_id", "=", userId)
      .execute();
    other = {
      poleId: founded.id,
      coordinator: { userId, cookie, email: "zoe@example.org", password: "" },
    };
    await client(t.server.url, cookie)(`/api/poles/${founded.id}/people/${userId}`, {
      method: "PUT",
      body: {
        structureId: null,
        roleInStructure: "",
        competencies: ["Réemploi"],
        brings: "",
        seeks: "",
      },
    });
    // The same structure name is free in another pôle.
    const twin = await client(t.server.url, cookie)(`/api/poles/${founded.id}/structures`, {
      body: {
        name: "Régie de quartier",
        legalForm: "association",
        sizeBand: null,
        sectors: [],
        ess: true,
      },
    });
    expect(twin.status).toBe(201);
  });

  it("answers 404 for everything of the other pôle, both ways", async () => {
    const zoe = api(other.coordinator);
    const structures = await (await api(alice)(`/api/poles/${t.pole.poleId}/structures`)).json();
    const foreign = [
      `/api/poles/${t.pole.poleId}/profile`,
      `/api/poles/${t.pole.poleId}/structures`,
      `/api/poles/${t.pole.poleId}/directory?q=alice`,
      `/api/poles/${t.pole.poleId}/people/${alice.userId}`,
      `/api/poles/${t.pole.poleId}/audit`,
      `/api/poles/${t.pole.poleId}/invitations`,
      `/api/poles/${t.pole.poleId}/newcomers`,
      `/api/poles/${t.pole.poleId}/onboarding`,
      `/api/circles/${thematic}`,
    ];
    for (const path of foreign) await expectError(await zoe(path), 404, "not_found");
    await expectError(
      await zoe(`/api/poles/${t.pole.poleId}/profile`, { method: "PUT", body: profileBody }),
      404,
      "not_found",
    );
    await expectError(
      await zoe(`/api/structures/${structures[0].id}`, {
        method: "PUT",
        body: { name: "Pris", legalForm: "other", sizeBand: null, sectors: [], ess: false },
      }),
      404,
      "not_found",
    );
    await expectError(
      await zoe(`/api/poles/${t.pole.poleId}/invitations/bulk`, {
        body: { emails: "a@example.org", circles: [] },
      }),
      404,
      "not_found",
    );
    await expectError(
      await zoe(`/api/circles/${thematic}/details`, {
        method: "PUT",
        body: { theme: "x", description: "" },
      }),
      404,
      "not_found",
    );
    // And the first pôle's coordinator sees nothing of Zoé's.
    await expectError(
      await api(t.pole.coordinator)(`/api/poles/${other.poleId}/directory`),
      404,
      "not_found",
    );
    await expectError(
      await api(t.pole.coordinator)(`/api/poles/${other.poleId}/audit`),
      404,
      "not_found",
    );
  });

  it("keeps search, directory and audit within each pôle", async () => {
    const own = await (
      await api(other.coordinator)(`/api/poles/${other.poleId}/directory?q=reemploi`)
    ).json();
    expect(own.people.map((p: { name: string }) => p.name)).toEqual(["Zoé Girard"]);
    expect(own.competencies).toEqual(["Réemploi"]);
    const first = await (
      await api(alice)(`/api/poles/${t.pole.poleId}/directory?q=reemploi`)
    ).json();
    expect(first.people.map((p: { name: string }) => p.name)).toEqual(["Alice Lefèvre"]);
    const everyone = await (await api(alice)(`/api/poles/${t.pole.poleId}/directory`)).json();
    expect(everyone.people.map((p: { name: string }) => p.name)).not.toContain("Zoé Girard");
    const structures = await (
      await api(other.coordinator)(`/api/poles/${other.poleId}/structures`)
    ).json();
    expect(structures.map((s: { name: string }) => s.name)).toEqual(["Régie de quartier"]);
    const audit = await (await api(other.coordinator)(`/api/poles/${other.poleId}/audit`)).json();
    const targets = audit.entries.map((e: { target: string | null }) => e.target);
    expect(targets).not.toContain(alice.userId);
    expect(audit.entries.map((e: { action: string }) => e.action).sort()).toEqual([
      "person.updated",
      "pole.founded",
      "structure.created",
    ]);
  });
});
