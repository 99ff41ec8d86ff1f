/**
 * Decisions and colleges against a real server (CONTRACT.md "Governance"): each method's
 * outcome through the API, the frozen electorate, every refusal with its status, one
 * outcome for two closings at once, closing by date (also across a restart), the pôle's
 * event stream, the decision log's filters and exports.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../helpers/contract";
import { withPole } from "../helpers/fixture";
import { listenToPole } from "../helpers/pole-events";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  startPole,
  startTestServer,
  type TestServer,
  tempDataDir,
} from "../helpers/server";
import { eventually } from "../helpers/sync-client";

const t = withPole();
let server: TestServer;
let pole: FoundedPole;
let circleId: string;
/** Seats in the thematic circle: two who vote, an observer; and a member seated nowhere. */
let alice: Person;
let bob: Person;
let oscar: Person;
let dave: Person;

const as = (person: Person) => client(server.url, person.cookie);
const coordinator = () => as(pole.coordinator);

interface Opening {
  title?: string;
  method: string;
  text?: string;
  closesAt?: string;
  quorum?: number;
  threshold?: number;
  circleId?: string;
  anonymous?: boolean;
}

async function open(by: Person, body: Opening) {
  const res = await as(by)(`/api/poles/${pole.poleId}/decisions`, {
    body: { circleId, title: "Budget 2027", ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; state: string };
}

async function vote(by: Person, decisionId: string, choice: string, reason?: string) {
  const res = await as(by)(`/api/decisions/${decisionId}/votes`, { body: { choice, reason } });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function close(by: Person, decisionId: string) {
  const res = await as(by)(`/api/decisions/${decisionId}/close`, { method: "POST" });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

const read = async (by: Person, decisionId: string) =>
  (await as(by)(`/api/decisions/${decisionId}`)).json();

beforeAll(async () => {
  ({ server, pole } = t);
  const created = await coordinator()(`/api/poles/${pole.poleId}/circles`, {
    body: { kind: "thematic", name: "Alimentation durable" },
  });
  circleId = (await created.json()).id;
  alice = await joinPole(server, pole, [{ circleId, role: "facilitator" }], "Alice Facilitatrice");
  bob = await joinPole(server, pole, [{ circleId, role: "member" }], "Bob Membre");
  oscar = await joinPole(server, pole, [{ circleId, role: "observer" }], "Oscar Observateur");
  dave = await joinPole(server, pole, [], "Dave Ailleurs");
});

describe("opening a decision", () => {
  it("freezes the electorate: the circle's facilitators and members, never observers", async () => {
    const decision = await open(bob, { method: "majority", quorum: 0.5 });
    expect(decision).toMatchObject({ state: "open", circleId, method: "majority", outcome: null });
    const view = await read(alice, decision.id);
    expect(view.tally).toEqual({
      electorate: 2,
      voted: 0,
      for: 0,
      against: 0,
      abstain: 0,
      consent: 0,
      objection: 0,
    });
    expect(view.electorate.map((v: { name: string }) => v.name)).toEqual([
      "Alice Facilitatrice",
      "Bob Membre",
    ]);

    // Someone seated afterwards does not vote on it, and the electorate stays at two.
    const eve = await joinPole(server, pole, [{ circleId, role: "member" }], "Ève Arrivée");
    await expectError(
      await as(eve)(`/api/decisions/${decision.id}/votes`, { body: { choice: "for" } }),
      403,
      "forbidden",
    );
    expect((await read(eve, decision.id)).tally.electorate).toBe(2);
    expect((await read(eve, decision.id)).canVote).toBe(false);
  });

  it("is refused to observers, to people outside the circle, and with bad input; nothing is stored", async () => {
    const before = (await (await coordinator()(`/api/poles/${pole.poleId}/decisions`)).json())
      .length;
    const post = (by: Person, body: Record<string, unknown>) =>
      as(by)(`/api/poles/${pole.poleId}/decisions`, {
        body: { circleId, title: "Refusée", method: "consent", ...body },
      });
    await expectError(await post(oscar, {}), 403, "forbidden");
    await expectError(await post(dave, {}), 403, "forbidden");
    await expectError(await post(bob, { method: "vote" }), 400, "invalid_input");
    await expectError(await post(bob, { quorum: 1.5 }), 400, "invalid_input");
    await expectError(await post(bob, { title: "  " }), 400, "invalid_input");
    await expectError(
      await post(bob, { closesAt: new Date(Date.now() - 60_000).toISOString() }),
      400,
      "invalid_input",
    );
    await expectError(await post(bob, { circleId: "nope" }), 404, "not_found");
    await expectError(await post(bob, { amendmentId: "nope" }), 404, "not_found");
    const after = (await (await coordinator()(`/api/poles/${pole.poleId}/decisions`)).json())
      .length;
    expect(after).toBe(before);
  });

  it("is refused in a circle where nobody may vote", async () => {
    const empty = await coordinator()(`/api/poles/${pole.poleId}/circles`, {
      body: { kind: "thematic", name: "Cercle vide" },
    });
    const emptyId = (await empty.json()).id;
    await expectError(
      await coordinator()(`/api/poles/${pole.poleId}/decisions`, {
        body: { circleId: emptyId, title: "Personne", method: "consent" },
      }),
      409,
      "conflict",
    );
  });
});

describe("consent", () => {
  it("rejects when an objection stands, and shows it with its reason", async () => {
    const decision = await open(alice, {
      method: "consent",
      title: "Adhésion de la Ressourcerie du Val au noyau dur",
    });
    await vote(alice, decision.id, "consent");
    const missing = await expectError(
      await as(bob)(`/api/decisions/${decision.id}/votes`, { body: { choice: "objection" } }),
      400,
      "invalid_input",
    );
    expect(missing).toContain("raison");
    await expectError(
      await as(bob)(`/api/decisions/${decision.id}/votes`, {
        body: { choice: "objection", reason: "   " },
      }),
      400,
      "invalid_input",
    );
    await expectError(
      await as(bob)(`/api/decisions/${decision.id}/votes`, { body: { choice: "for" } }),
      400,
      "invalid_input",
    );
    await vote(bob, decision.id, "objection", "Le budget de la Ressourcerie n'est pas voté.");
    await expectError(
      await as(oscar)(`/api/decisions/${decision.id}/votes`, { body: { choice: "consent" } }),
      403,
      "forbidden",
    );
    // A member of the circle who is neither author nor facilitator does not close it.
    await expectError(
      await as(bob)(`/api/decisions/${decision.id}/close`, { method: "POST" }),
      403,
      "forbidden",
    );
    const result = await close(alice, decision.id);
    expect(result).toEqual({
      outcome: "rejected",
      tally: {
        electorate: expect.any(Number),
        voted: 2,
        for: 0,
        against: 0,
        abstain: 0,
        consent: 1,
        objection: 1,
      },
    });
    const view = await read(oscar, decision.id);
    expect(view).toMatchObject({ state: "closed", outcome: "rejected", canVote: false });
    expect(view.objections).toEqual([
      { name: "Bob Membre", reason: "Le budget de la Ressourcerie n'est pas voté." },
    ]);
    await expectError(
      await as(alice)(`/api/decisions/${decision.id}/votes`, { body: { choice: "consent" } }),
      409,
      "conflict",
    );
    await expectError(
      await as(alice)(`/api/decisions/${decision.id}/close`, { method: "POST" }),
      409,
      "conflict",
    );
  });

  it("adopts when nobody objects, the author closing it", async () => {
    const decision = await open(bob, { method: "consent" });
    await vote(alice, decision.id, "consent");
    expect((await close(bob, decision.id)).outcome).toBe("adopted");
  });
});

describe("votes", () => {
  it("replace one's vote while open; the tally counts the latest, the journal keeps them all", async () => {
    const decision = await open(alice, { method: "majority", title: "Changer d'avis" });
    await vote(bob, decision.id, "for");
    await vote(bob, decision.id, "against");
    await vote(alice, decision.id, "for");
    const view = await read(bob, decision.id);
    expect(view.tally).toMatchObject({ voted: 2, for: 1, against: 1 });
    expect(view.myVote).toEqual({ choice: "against", reason: "" });
    const audit = await (
      await coordinator()(`/api/poles/${pole.poleId}/audit?kind=decision`)
    ).json();
    const votes = audit.entries.filter(
      (e: { action: string; target: string }) =>
        e.action === "decision.voted" && e.target === decision.id,
    );
    expect(votes.map((e: { details: { choice: string } }) => e.details.choice)).toEqual([
      "for",
      "against",
      "for",
    ]);
    expect(votes[0].targetName).toBe("Changer d'avis");
    expect((await close(alice, decision.id)).outcome).toBe("rejected");
  });

  it("hide how people voted in an anonymous decision, not that they voted", async () => {
    const decision = await open(alice, { method: "majority", anonymous: true });
    await vote(bob, decision.id, "for");
    const view = await read(alice, decision.id);
    const bobs = view.electorate.find((v: { name: string }) => v.name === "Bob Membre");
    expect(bobs).toEqual(expect.objectContaining({ voted: true }));
    expect(bobs.choice).toBeUndefined();
    expect((await read(bob, decision.id)).myVote.choice).toBe("for");
  });
});

describe("outcomes through the API", () => {
  it.each([
    { method: "majority", votes: ["for", "against"], outcome: "rejected" },
    { method: "majority", votes: ["for", "abstain"], outcome: "adopted" },
    { method: "qualified", threshold: 0.75, votes: ["for", "against"], outcome: "rejected" },
    { method: "qualified", threshold: 0.5, votes: ["for", "against"], outcome: "adopted" },
    { method: "unanimity", votes: ["for", "abstain"], outcome: "adopted" },
    { method: "unanimity", votes: ["for", "against"], outcome: "rejected" },
    { method: "majority", quorum: 1, votes: ["for"], outcome: "no_quorum" },
  ])("$method $votes (threshold $threshold, quorum $quorum) → $outcome", async (row) => {
    const decision = await open(alice, {
      method: row.method,
      threshold: row.threshold,
      quorum: row.quorum,
    });
    const [first, second] = row.votes;
    if (first) await vote(alice, decision.id, first);
    if (second) await vote(bob, decision.id, second);
    expect((await close(pole.coordinator, decision.id)).outcome).toBe(row.outcome);
    expect((await read(dave, decision.id)).outcome).toBe(row.outcome);
  });

  it("gives one outcome when two people close at once", async () => {
    const decision = await open(bob, { method: "majority" });
    await vote(alice, decision.id, "for");
    const answers = await Promise.all([
      as(alice)(`/api/decisions/${decision.id}/close`, { method: "POST" }),
      coordinator()(`/api/decisions/${decision.id}/close`, { method: "POST" }),
      as(bob)(`/api/decisions/${decision.id}/close`, { method: "POST" }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audit = await (
      await coordinator()(`/api/poles/${pole.poleId}/audit?kind=decision`)
    ).json();
    const closings = audit.entries.filter(
      (e: { action: string; target: string }) =>
        e.action === "decision.closed" && e.target === decision.id,
    );
    expect(closings).toHaveLength(1);
    expect((await read(bob, decision.id)).outcome).toBe("adopted");
  });

  it("closes by itself at its date", async () => {
    const decision = await open(alice, {
      method: "consent",
      closesAt: new Date(Date.now() + 1200).toISOString(),
    });
    await vote(bob, decision.id, "consent");
    const closed = await eventually(async () => {
      const view = await read(bob, decision.id);
      expect(view.state).toBe("closed");
      return view;
    }, 10_000);
    expect(closed.outcome).toBe("adopted");
  });
});

describe("colleges", () => {
  const put = (by: Person, body: unknown) =>
    as(by)(`/api/poles/${pole.poleId}/colleges`, { method: "PUT", body });

  it("are refused for a weighted decision while undefined", async () => {
    await expectError(
      await as(alice)(`/api/poles/${pole.poleId}/decisions`, {
        body: { circleId, title: "Pondérée", method: "colleges" },
      }),
      409,
      "conflict",
    );
  });

  it.each([
    { weights: [50, 50], words: "au moins 3 collèges" },
    { weights: [60, 20, 20], words: "entre 10 % et 50 %" },
    { weights: [5, 45, 50], words: "entre 10 % et 50 %" },
    { weights: [40, 30, 20], words: "100 % au total" },
  ])("refuse weights $weights with a French error naming the rule", async ({ weights, words }) => {
    const colleges = weights.map((weight, i) => ({ name: `Collège ${i + 1}`, weight }));
    const message = await expectError(
      await put(pole.coordinator, { colleges }),
      400,
      "invalid_input",
    );
    expect(message).toContain(words);
    expect(
      (await (await coordinator()(`/api/poles/${pole.poleId}/colleges`)).json()).colleges,
    ).toEqual([]);
  });

  it("are written by coordinators only and read by members", async () => {
    const colleges = [
      { name: "Salariés", weight: 40 },
      { name: "Usagers", weight: 30 },
      { name: "Partenaires", weight: 30 },
    ];
    await expectError(await put(alice, { colleges }), 403, "forbidden");
    const res = await as(oscar)(`/api/poles/${pole.poleId}/colleges`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ colleges: [], members: [], canEdit: false });
  });

  it("keep their ids when sent with them, and weigh a decision by their renormalised shares", async () => {
    const first = await put(pole.coordinator, {
      colleges: [
        { name: "Salariés", weight: 40 },
        { name: "Usagers", weight: 30 },
        { name: "Partenaires", weight: 30 },
      ],
    });
    expect(first.status).toBe(200);
    const set = await first.json();
    const [workers, users, partners] = set.colleges;
    expect(set.colleges.map((c: { name: string }) => c.name)).toEqual([
      "Salariés",
      "Usagers",
      "Partenaires",
    ]);
    // A member's college must be in the set sent.
    await expectError(
      await put(pole.coordinator, {
        colleges: set.colleges,
        members: [{ userId: alice.userId, collegeId: "unknown" }],
      }),
      400,
      "invalid_input",
    );
    const second = await put(pole.coordinator, {
      colleges: set.colleges,
      members: [
        { userId: alice.userId, collegeId: workers.id },
        { userId: bob.userId, collegeId: users.id },
      ],
    });
    expect(second.status).toBe(200);
    const assigned = await second.json();
    expect(assigned.colleges.map((c: { id: string }) => c.id)).toEqual([
      workers.id,
      users.id,
      partners.id,
    ]);
    expect(assigned.members).toHaveLength(2);

    const decision = await open(alice, { method: "colleges" });
    await vote(alice, decision.id, "for");
    await vote(bob, decision.id, "against");
    const result = await close(pole.coordinator, decision.id);
    // Partners did not vote: Salariés 40 → 57.1 %, Usagers 30 → 42.9 %; 1 × 57.1 % > 50 %.
    expect(result.outcome).toBe("adopted");
    expect(result.weightedResult).toBeCloseTo(40 / 70, 10);
    expect(result.colleges).toEqual([
      { id: workers.id, name: "Salariés", weight: 40, for: 1, against: 0, abstain: 0, result: 1 },
      { id: users.id, name: "Usagers", weight: 30, for: 0, against: 1, abstain: 0, result: 0 },
      {
        id: partners.id,
        name: "Partenaires",
        weight: 30,
        for: 0,
        against: 0,
        abstain: 0,
        result: null,
      },
    ]);
    const view = await read(dave, decision.id);
    expect(view.weightedResult).toBeCloseTo(40 / 70, 10);
    expect(view.colleges).toEqual(result.colleges);
  });
});

describe("another pôle", () => {
  it("answers 404 for its decisions, its log, its colleges and its events", async () => {
    const decision = await open(alice, { method: "majority" });
    const other = await coordinator()("/api/poles", { body: { name: "Pôle voisin" } });
    const otherPole = await other.json();
    const zoeInvite = await coordinator()(`/api/poles/${otherPole.id}/invitations`, {
      body: { circles: [] },
    });
    const { token } = await zoeInvite.json();
    const accepted = await client(server.url)(`/api/invitations/${token}/accept`, {
      body: { name: "Zoé Voisine", email: "zoe@example.org", password: "another long passphrase" },
    });
    const zoe = client(server.url, accepted.headers.getSetCookie()[0].split(";")[0]);
    await expectError(await zoe(`/api/decisions/${decision.id}`), 404, "not_found");
    await expectError(
      await zoe(`/api/decisions/${decision.id}/votes`, { body: { choice: "for" } }),
      404,
      "not_found",
    );
    await expectError(
      await zoe(`/api/decisions/${decision.id}/close`, { method: "POST" }),
      404,
      "not_found",
    );
    await expectError(await zoe(`/api/poles/${pole.poleId}/decisions`), 404, "not_found");
    await expectError(await zoe(`/api/poles/${pole.poleId}/colleges`), 404, "not_found");
    await expectError(await zoe(`/api/poles/${pole.poleId}/events`), 404, "not_found");
    await expectError(
      await client(server.url)(`/api/decisions/${decision.id}`),
      401,
      "unauthenticated",
    );
  });
});

describe("the pôle's event stream", () => {
  it("tells open pages which decision changed, without its content", async () => {
    const stream = await listenToPole(server, pole.poleId, dave);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
    await stream.until("event: ready");
    const decision = await open(alice, { method: "majority", title: "Secret du contenu" });
    await stream.until(decision.id);
    await vote(bob, decision.id, "for");
    await stream.until(`data: {"type":"decision","id":"${decision.id}"}`);
    expect(stream.received()).not.toContain("Secret du contenu");
    stream.stop();
  });

  it("ends with its session", async () => {
    const leaving = await joinPole(server, pole, [], "Fanny Partante");
    const res = await fetch(`${server.url}/api/poles/${pole.poleId}/events`, {
      headers: { cookie: leaving.cookie },
    });
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    expect((await as(leaving)("/api/auth/logout", { method: "POST" })).status).toBe(204);
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

describe("the decision log", () => {
  it("lists newest first and filters by circle, state, method, outcome and date", async () => {
    const log = async (query = "") => {
      const res = await as(oscar)(`/api/poles/${pole.poleId}/decisions${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Array<{
        id: string;
        openedAt: string;
        state: string;
        method: string;
        outcome: string | null;
        circleId: string;
      }>;
    };
    const all = await log();
    expect(all.length).toBeGreaterThan(10);
    const opened = all.map((d) => d.openedAt);
    expect(opened).toEqual([...opened].sort().reverse());
    expect((await log(`?circleId=${circleId}`)).length).toBe(all.length);
    expect((await log(`?circleId=${pole.circles.core}`)).length).toBe(0);
    for (const d of await log("?state=open")) expect(d.state).toBe("open");
    for (const d of await log("?method=consent")) expect(d.method).toBe("consent");
    const rejected = await log("?outcome=rejected");
    expect(rejected.length).toBeGreaterThan(0);
    for (const d of rejected) expect(d.outcome).toBe("rejected");
    const today = new Date().toISOString().slice(0, 10);
    expect((await log(`?from=${today}&to=${today}`)).length).toBe(all.length);
    expect((await log("?to=2020-01-01")).length).toBe(0);
    await expectError(
      await as(oscar)(`/api/poles/${pole.poleId}/decisions?state=maybe`),
      400,
      "invalid_input",
    );
    await expectError(
      await as(oscar)(`/api/poles/${pole.poleId}/decisions?from=hier`),
      400,
      "invalid_input",
    );
  });

  it("exports as CSV (French format, formulas neutralised), printable HTML, ODT and DOCX", async () => {
    const decision = await open(alice, { method: "consent", title: '=HYPERLINK("x")' });
    await vote(bob, decision.id, "objection", "Pas avant l'assemblée générale.");
    await close(alice, decision.id);
    const base = `/api/poles/${pole.poleId}/decisions/export`;
    const csv = await as(oscar)(`${base}/csv?method=consent`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toContain("Ouverte le;Cercle;Décision;Méthode");
    expect(text).toContain("Pas avant l'assemblée générale.");
    expect(text).not.toMatch(/;"?=HYPERLINK/);

    const html = await as(oscar)(`${base}/html`);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.headers.get("content-disposition")).toMatch(/^inline/);
    const page = await html.text();
    expect(page).toContain("Relevé de décisions");
    expect(page).toContain("Pas avant l&#39;assemblée générale.");
    for (const format of ["odt", "docx"]) {
      const file = await as(oscar)(`${base}/${format}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-disposition")).toContain(`.${format}`);
      const zip = new Uint8Array(await file.arrayBuffer());
      expect(String.fromCharCode(zip[0], zip[1])).toBe("PK");
    }
    await expectError(await as(oscar)(`${base}/pdf`), 400, "invalid_input");
  });
});

describe("closing by date across a restart", () => {
  it("closes a decision that fell due while the server was down, as soon as it starts", async () => {
    const dataDir = tempDataDir();
    const first = await startPole({ dataDir });
    const api = client(first.server.url, first.pole.coordinator.cookie);
    const res = await api(`/api/poles/${first.pole.poleId}/decisions`, {
      body: {
        circleId: first.pole.circles.core,
        title: "Due pendant l'arrêt",
        method: "consent",
        closesAt: new Date(Date.now() + 1500).toISOString(),
      },
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    await first.server.close({ keepData: true });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const second = await startTestServer({ dataDir });
    try {
      const again = client(second.url, first.pole.coordinator.cookie);
      const view = await eventually(async () => {
        const current = await (await again(`/api/decisions/${id}`)).json();
        expect(current.state).toBe("closed");
        return current;
      }, 10_000);
      expect(view.outcome).toBe("adopted");
    } finally {
      await second.close();
    }
  });
});
