/**
 * The rules checked then written ("one vote per person", "closing twice → 409", "the pôle
 * keeps a coordinator"…) against requests fired at once at two real instances on one
 * PostgreSQL, where READ COMMITTED lets two transactions read the same state: each rule
 * must hold as if the requests had come one after the other. Also: the first visit, the
 * migrations of an empty database and the scheduled closing of a decision, each done
 * once by two instances started together.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../migrations";
import { exclusively } from "../../server/db/dialect";
import { openPostgres, type PostgresDatabase } from "../../server/db/postgres";
import {
  createTestDatabase,
  type Instance,
  startInstance,
  startRedis,
  type TestDatabase,
  type TestRedis,
} from "../helpers/scale";
import { client, type FoundedPole, joinPole, type Person, setUpPole } from "../helpers/server";
import { eventually } from "../helpers/sync-client";

const LONG = 60_000;

let database: TestDatabase;
let redis: TestRedis;
let a: Instance;
let b: Instance;
let opened: PostgresDatabase;
let pole: FoundedPole;
let setups: PromiseSettledResult<FoundedPole>[];

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await startRedis();
  const env = { DATABASE_URL: database.url, REDIS_URL: redis.url };
  // Two instances on an empty database at once: both migrate it, one after the other.
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  opened = openPostgres(database.url, 2);
  // Two first visits at once, with two different addresses, one through each instance.
  setups = await Promise.allSettled([
    setUpPole(a, "Pôle du Diois", "diois@example.org"),
    setUpPole(b, "Pôle du Vercors", "vercors@example.org"),
  ]);
  const founded = setups.find((setup) => setup.status === "fulfilled");
  if (!founded) throw new Error("neither first visit succeeded");
  pole = founded.value;
}, LONG * 2);

afterAll(async () => {
  await opened?.db.destroy();
  await Promise.all([a, b].filter(Boolean).map((instance) => instance.stop()));
  await redis?.stop();
  await database?.drop();
});

/** The person's API through instance `via`. */
const as = (person: Person, via: Instance) => client(via.url, person.cookie);

/** The statuses of requests fired at once, in order. */
const statuses = async (requests: Array<Promise<Response>>) =>
  (await Promise.all(requests)).map((res) => res.status).sort();

async function openDecision(body: Record<string, unknown>): Promise<string> {
  const res = await as(pole.coordinator, a)(`/api/poles/${pole.poleId}/decisions`, {
    body: { circleId: pole.circles.steering, method: "majority", ...body },
  });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

const auditCount = async (action: string, target: string) => {
  const { count } = await opened.db
    .selectFrom("audit_log")
    .select(({ fn }) => fn.countAll<number>().as("count"))
    .where("action", "=", action)
    .where("target", "=", target)
    .executeTakeFirstOrThrow();
  return Number(count);
};

describe("two instances started together on an empty database", { timeout: LONG }, () => {
  it("migrated it once, under the migrations' advisory lock", async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(
      opened.db,
    );
    expect(rows.map((row) => row.name).sort()).toEqual(Object.keys(migrations).sort());
    for (const instance of [a, b])
      expect((await fetch(`${instance.url}/api/health`)).ok).toBe(true);
  });

  it("let one first visit set the instance up, and answered the other 409", async () => {
    expect(setups.map((setup) => setup.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = setups.find((setup) => setup.status === "rejected");
    expect(String(refused?.status === "rejected" && refused.reason)).toContain("409");
    const poles = await opened.db.selectFrom("poles").select("id").execute();
    expect(poles.map((p) => p.id)).toEqual([pole.poleId]);
    const users = await opened.db.selectFrom("users").select("id").execute();
    expect(users).toHaveLength(1);
  });
});

describe("rules checked then written, requests at once on two instances", { timeout: LONG }, () => {
  it("keeps one latest vote of a person who votes many times at once", async () => {
    const decisionId = await openDecision({ title: "Budget participatif" });
    const votes = Array.from({ length: 8 }, (_, i) =>
      as(pole.coordinator, i % 2 === 0 ? a : b)(`/api/decisions/${decisionId}/votes`, {
        body: { choice: i % 2 === 0 ? "for" : "against" },
      }),
    );
    expect(new Set(await statuses(votes))).toEqual(new Set([200]));
    const latest = await opened.db
      .selectFrom("decision_votes")
      .select("choice")
      .where("decision_id", "=", decisionId)
      .where("latest", "=", 1)
      .execute();
    expect(latest).toHaveLength(1);
    const view = await (await as(pole.coordinator, b)(`/api/decisions/${decisionId}`)).json();
    expect(view.tally.voted).toBe(1);
  });

  it("closes a decision closed twice at once once: one outcome, the other 409", async () => {
    const decisionId = await openDecision({ title: "Adhésion au réseau" });
    const close = (via: Instance) =>
      as(pole.coordinator, via)(`/api/decisions/${decisionId}/close`, { body: {} });
    expect(await statuses([close(a), close(b)])).toEqual([200, 409]);
    expect(await auditCount("decision.closed", decisionId)).toBe(1);
  });

  it("counts exactly the votes accepted before a closing that races them", async () => {
    const voters = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        joinPole(a, pole, [{ circleId: pole.circles.steering, role: "member" }], `Votant ${i}`),
      ),
    );
    const decisionId = await openDecision({ title: "Local partagé" });
    const votes = voters.map((voter, i) =>
      as(voter, i % 2 === 0 ? a : b)(`/api/decisions/${decisionId}/votes`, {
        body: { choice: "for" },
      }),
    );
    const closing = as(pole.coordinator, b)(`/api/decisions/${decisionId}/close`, { body: {} });
    const answers = await Promise.all(votes);
    const closed = await closing;
    expect(closed.status).toBe(200);
    const accepted = answers.filter((res) => res.status === 200).length;
    expect(answers.every((res) => res.status === 200 || res.status === 409)).toBe(true);
    const { tally } = await closed.json();
    expect(tally.voted).toBe(accepted);
    const view = await (await as(pole.coordinator, a)(`/api/decisions/${decisionId}`)).json();
    expect(view.tally.voted).toBe(accepted);
  });

  it("keeps a coordinator when the last two step each other down at once", async () => {
    const second = await joinPole(a, pole, [], "Coordinatrice adjointe");
    const promote = await as(pole.coordinator, a)(
      `/api/poles/${pole.poleId}/people/${second.userId}/role`,
      { method: "PUT", body: { role: "coordinator" } },
    );
    expect(promote.status).toBe(200);
    const stepDown = (actor: Person, target: Person, via: Instance) =>
      as(actor, via)(`/api/poles/${pole.poleId}/people/${target.userId}/role`, {
        method: "PUT",
        body: { role: "member" },
      });
    const answered = await statuses([
      stepDown(pole.coordinator, second, a),
      stepDown(second, pole.coordinator, b),
    ]);
    const coordinators = await opened.db
      .selectFrom("pole_members")
      .select("user_id")
      .where("pole_id", "=", pole.poleId)
      .where("role", "=", "coordinator")
      .execute();
    expect(coordinators).toHaveLength(1);
    // Whoever stayed gives the other back their role, for the tests that follow.
    const stayed = coordinators[0]?.user_id === second.userId ? second : pole.coordinator;
    const other = stayed === second ? pole.coordinator : second;
    const restored = await as(stayed, a)(`/api/poles/${pole.poleId}/people/${other.userId}/role`, {
      method: "PUT",
      body: { role: "coordinator" },
    });
    expect(restored.status).toBe(200);
    // The other one is refused: 409 when both passed the right check, 403 when the first
    // had already taken the second's role away by then.
    expect(answered[0]).toBe(200);
    expect([403, 409]).toContain(answered[1]);
  });

  it("lets one of two newcomers accepting one invitation at once in, the other 410", async () => {
    const invitation = await as(pole.coordinator, a)(`/api/poles/${pole.poleId}/invitations`, {
      body: { circles: [{ circleId: pole.circles.core, role: "member" }] },
    });
    const { token } = await invitation.json();
    const accept = (via: Instance, email: string) =>
      client(via.url)(`/api/invitations/${token}/accept`, {
        body: { name: "Nouvelle venue", email, password: "a long enough passphrase" },
      });
    expect(await statuses([accept(a, "une@example.org"), accept(b, "autre@example.org")])).toEqual([
      201, 410,
    ]);
    const created = await opened.db
      .selectFrom("users")
      .select("id")
      .where("email", "in", ["une@example.org", "autre@example.org"])
      .execute();
    expect(created).toHaveLength(1);
  });

  it("seats a person placed twice at once in one circle once", async () => {
    const person = await joinPole(a, pole, [], "Placée deux fois");
    const place = (via: Instance, role: string) =>
      as(pole.coordinator, via)(`/api/circles/${pole.circles.core}/members/${person.userId}`, {
        method: "PUT",
        body: { role },
      });
    expect(await statuses([place(a, "member"), place(b, "observer")])).toEqual([200, 200]);
    const seats = await opened.db
      .selectFrom("circle_members")
      .select("role")
      .where("circle_id", "=", pole.circles.core)
      .where("user_id", "=", person.userId)
      .execute();
    expect(seats).toHaveLength(1);
  });

  it("gives no seat that outlives a person leaving the pôle at the same moment", async () => {
    const person = await joinPole(a, pole, [], "Sur le départ");
    const [removed, placed] = await Promise.all([
      as(pole.coordinator, a)(`/api/poles/${pole.poleId}/people/${person.userId}`, {
        method: "DELETE",
      }),
      as(pole.coordinator, b)(`/api/circles/${pole.circles.core}/members/${person.userId}`, {
        method: "PUT",
        body: { role: "member" },
      }),
    ]);
    expect(removed.status).toBe(204);
    expect([200, 404]).toContain(placed.status);
    const seats = await opened.db
      .selectFrom("circle_members")
      .select("circle_id")
      .where("user_id", "=", person.userId)
      .execute();
    expect(seats).toEqual([]);
  });

  it("closes a meeting closed twice at once once, with one compte rendu", async () => {
    const planned = await as(pole.coordinator, a)(`/api/poles/${pole.poleId}/meetings`, {
      body: {
        circleId: pole.circles.steering,
        title: "Comité de pilotage de mars",
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(planned.status).toBe(201);
    const { id, documentId } = await planned.json();
    const close = (via: Instance) =>
      as(pole.coordinator, via)(`/api/meetings/${id}/close`, { body: {} });
    expect(await statuses([close(a), close(b)])).toEqual([200, 409]);
    const versions: Array<{ kind: string }> = await (
      await as(pole.coordinator, a)(`/api/documents/${documentId}/versions`)
    ).json();
    expect(versions.filter((version) => version.kind === "minutes")).toHaveLength(1);
  });

  it("opens one decision on an agenda item asked twice at once", async () => {
    const planned = await as(pole.coordinator, a)(`/api/poles/${pole.poleId}/meetings`, {
      body: {
        circleId: pole.circles.steering,
        title: "Comité de pilotage d'avril",
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    const meetingId: string = (await planned.json()).id;
    const item = await as(pole.coordinator, a)(`/api/meetings/${meetingId}/agenda`, {
      body: { title: "Choix du prestataire", kind: "decision" },
    });
    expect(item.status).toBe(201);
    const itemId: string = (await item.json()).id;
    const open = (via: Instance) =>
      as(pole.coordinator, via)(`/api/meetings/${meetingId}/agenda/${itemId}/decision`, {
        body: { method: "majority" },
      });
    expect(await statuses([open(a), open(b)])).toEqual([201, 400]);
    const decisions = await opened.db
      .selectFrom("decisions")
      .select("id")
      .where("title", "=", "Choix du prestataire")
      .execute();
    expect(decisions).toHaveLength(1);
  });

  it("closes a maturity campaign closed twice at once once, the other 409", async () => {
    const day = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const campaign = await as(pole.coordinator, a)(`/api/poles/${pole.poleId}/maturity/campaigns`, {
      body: {
        title: "Auto-évaluation",
        opensOn: day(0),
        closesOn: day(7),
        audience: { kind: "pole" },
      },
    });
    expect(campaign.status).toBe(201);
    const { id } = await campaign.json();
    const close = (via: Instance) =>
      as(pole.coordinator, via)(`/api/maturity/campaigns/${id}/close`, { body: {} });
    expect(await statuses([close(a), close(b)])).toEqual([200, 409]);
    expect(await auditCount("maturity.campaign_closed", id)).toBe(1);
  });

  it("keeps one set of colleges summing 100 when two replace them at once", async () => {
    const put = (via: Instance, prefix: string) =>
      as(pole.coordinator, via)(`/api/poles/${pole.poleId}/colleges`, {
        method: "PUT",
        body: {
          colleges: [
            { name: `${prefix} fondateurs`, weight: 40 },
            { name: `${prefix} salariés`, weight: 30 },
            { name: `${prefix} usagers`, weight: 30 },
          ],
        },
      });
    expect(await statuses([put(a, "A"), put(b, "B")])).toEqual([200, 200]);
    const colleges = await opened.db
      .selectFrom("colleges")
      .select(["name", "weight"])
      .where("pole_id", "=", pole.poleId)
      .execute();
    expect(colleges).toHaveLength(3);
    expect(colleges.reduce((sum, college) => sum + college.weight, 0)).toBe(100);
  });

  it("refuses the second of two structures of one name made at once with a 409", async () => {
    const make = (via: Instance) =>
      as(pole.coordinator, via)(`/api/poles/${pole.poleId}/structures`, {
        body: {
          name: "Ressourcerie du Diois",
          legalForm: "association",
          sizeBand: null,
          sectors: [],
          ess: true,
        },
      });
    expect(await statuses([make(a), make(b)])).toEqual([201, 409]);
  });
});

describe("scheduled work, two instances following the same decisions", { timeout: LONG }, () => {
  it("closes a decision at its date once, and adopts its amendment once", async () => {
    const amendment = await as(pole.coordinator, a)(
      `/api/documents/${pole.documents.charter}/amendments`,
      { body: { title: "Ouvrir le collège des usagers" } },
    );
    expect(amendment.status).toBe(201);
    const amendmentId: string = (await amendment.json()).id;
    const decisionId = await openDecision({
      title: "Ouvrir le collège des usagers",
      amendmentId,
      closesAt: new Date(Date.now() + 1_500).toISOString(),
    });
    const vote = await as(pole.coordinator, b)(`/api/decisions/${decisionId}/votes`, {
      body: { choice: "for" },
    });
    expect(vote.status).toBe(200);
    await eventually(async () => {
      const charter = await (
        await as(pole.coordinator, b)(`/api/documents/${pole.documents.charter}/charter`)
      ).json();
      expect(charter.adoptedVersion?.decisionId).toBe(decisionId);
    }, 20_000);
    // Both instances heard the closing; give the slower one time to try to adopt it again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await auditCount("decision.closed", decisionId)).toBe(1);
    expect(await auditCount("charter.amended", pole.documents.charter)).toBe(1);
    const versions: Array<{ kind: string; decisionId: string | null }> = await (
      await as(pole.coordinator, a)(`/api/documents/${pole.documents.charter}/versions`)
    ).json();
    expect(versions.filter((version) => version.kind === "adopted")).toHaveLength(1);
  });
});

describe("exclusive work on a small pool", { timeout: LONG }, () => {
  it("never holds every pooled connection in locks while their work waits for one", async () => {
    // A pool of 2 and 4 keys at once: were each lock held while its work asked the pool
    // for a connection, two locks would take both connections and wait for ever.
    const order: string[] = [];
    const keys = ["one", "two", "three", "four"].map((name) => `pool-test:${name}`);
    await Promise.all(
      keys.map((key) =>
        exclusively(opened.db, key, async () => {
          await sql`select pg_sleep(0.05)`.execute(opened.db);
          order.push(key);
        }),
      ),
    );
    expect(order).toEqual(keys);
  });
});
