/**
 * Self-assessment against a real server: twelve people across the steering committee and
 * two thematic groups answer the référentiel; figures withheld under three people; nobody
 * reads another's answers; coordinators open and close; the steering committee sets the
 * markers; a second campaign compares with the first; the dashboard and the funders' report
 * (which must open in LibreOffice).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard } from "../../shared/api/dashboard";
import type {
  CampaignResults,
  CampaignSummary,
  CampaignView,
  IndicatorView,
  MyAnswer,
} from "../../shared/api/maturity";
import { expectError } from "../helpers/contract";
import { listenToPole } from "../helpers/pole-events";
import {
  client,
  type FoundedPole,
  joinPole,
  type Person,
  startPole,
  type TestServer,
} from "../helpers/server";

let server: TestServer;
let pole: FoundedPole;
let steering: Person[];
let groupA: Person[];
let groupB: Person[];
let observer: Person;
let circleA: string;
let circleB: string;
const as = (person: Person) => client(server.url, person.cookie);
const coordinator = () => pole.coordinator;
const everyone = () => [coordinator(), ...steering, ...groupA, ...groupB];
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function json<T>(response: Response, status = 200): Promise<T> {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

const answer = (person: Person, campaignId: string, indicatorId: string, body: unknown) =>
  as(person)(`/api/maturity/campaigns/${campaignId}/answers/${indicatorId}`, {
    method: "PUT",
    body,
  });

async function openCampaign(body: unknown) {
  return json<CampaignSummary>(
    await as(coordinator())(`/api/poles/${pole.poleId}/maturity/campaigns`, { body }),
    201,
  );
}

beforeAll(async () => {
  ({ server, pole } = await startPole());
  const api = as(pole.coordinator);
  const circle = async (name: string) =>
    (
      await json<{ id: string }>(
        await api(`/api/poles/${pole.poleId}/circles`, { body: { kind: "thematic", name } }),
        201,
      )
    ).id;
  circleA = await circle("Réemploi");
  circleB = await circle("Mobilité");
  const structure = async (name: string, legalForm: string) =>
    (
      await json<{ id: string }>(
        await api(`/api/poles/${pole.poleId}/structures`, {
          body: { name, legalForm, sizeBand: null, sectors: [], ess: true },
        }),
        201,
      )
    ).id;
  const association = await structure("Recyclerie du Diois", "association");
  const scic = await structure("Mobil'Drôme", "scic");
  const seat = (circleId: string) => [{ circleId, role: "member" as const }];
  steering = [];
  groupA = [];
  groupB = [];
  for (let i = 1; i <= 3; i++)
    steering.push(await joinPole(server, pole, seat(pole.circles.steering), `Copil ${i}`));
  for (let i = 1; i <= 4; i++)
    groupA.push(await joinPole(server, pole, seat(circleA), `Réemploi ${i}`));
  for (let i = 1; i <= 4; i++)
    groupB.push(await joinPole(server, pole, seat(circleB), `Mobilité ${i}`));
  observer = await joinPole(server, pole, [], "Financeur observateur");
  await json(
    await api(`/api/poles/${pole.poleId}/people/${observer.userId}/role`, {
      method: "PUT",
      body: { role: "observer" },
    }),
  );
  const place = async (person: Person, structureId: string) =>
    json(
      await api(`/api/poles/${pole.poleId}/people/${person.userId}`, {
        method: "PUT",
        body: {
          structureId,
          roleInStructure: "",
          competencies: [],
          brings: "",
          seeks: "",
        },
      }),
    );
  for (const person of groupA) await place(person, association);
  for (const person of groupB) await place(person, scic);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("the référentiel", () => {
  it("holds the nine objectives and the 2012 indicators, i with two", async () => {
    const list = await json<IndicatorView[]>(
      await as(observer)(`/api/poles/${pole.poleId}/maturity/referentiel`),
    );
    expect(list).toHaveLength(26);
    expect(new Set(list.map((i) => i.objective)).size).toBe(9);
    expect(list.filter((i) => i.objective === "i")).toHaveLength(2);
    expect(list.find((i) => i.id === "a1")?.label).toBe(
      "Disposer d'un lieu identifié et accessible",
    );
    expect(list.every((i) => !i.custom && !i.hidden)).toBe(true);
  });

  it("lets coordinators add the pôle's own indicators and hide unused ones", async () => {
    const url = `/api/poles/${pole.poleId}/maturity/indicators`;
    await expectError(
      await as(groupA[0])(url, { body: { objective: "i", label: "Un indicateur" } }),
      403,
      "forbidden",
    );
    await expectError(
      await as(coordinator())(url, { body: { objective: "z", label: "Hors référentiel" } }),
      400,
      "invalid_input",
    );
    await expectError(
      await as(coordinator())(url, { body: { objective: "i", label: "   " } }),
      400,
      "invalid_input",
    );
    const own = await json<IndicatorView>(
      await as(coordinator())(url, {
        body: { objective: "i", label: "Mesurer l'empreinte carbone des activités du pôle" },
      }),
      201,
    );
    expect(own).toMatchObject({ objective: "i", custom: true, hidden: false });
    const hidden = await json<IndicatorView>(
      await as(coordinator())(`${url}/c3`, { method: "PUT", body: { hidden: true } }),
    );
    expect(hidden.hidden).toBe(true);
    await expectError(
      await as(groupA[0])(`${url}/c2`, { method: "PUT", body: { hidden: true } }),
      403,
      "forbidden",
    );
    await expectError(
      await as(coordinator())(`${url}/zz`, { method: "PUT", body: { hidden: true } }),
      404,
      "not_found",
    );
    const list = await json<IndicatorView[]>(
      await as(coordinator())(`/api/poles/${pole.poleId}/maturity/referentiel`),
    );
    expect(list).toHaveLength(27);
    // The pôle's own indicator comes after the 2012 ones of its objective.
    expect(list.at(-1)?.id).toBe(own.id);
  });
});

describe("a campaign of the whole pôle", () => {
  let campaign: CampaignView;
  let ownIndicator: string;

  it("is opened by coordinators only, with dates that make sense", async () => {
    const body = {
      title: "Auto-évaluation 2026",
      opensOn: today(),
      closesOn: inDays(30),
      audience: { kind: "pole" },
    };
    await expectError(
      await as(steering[0])(`/api/poles/${pole.poleId}/maturity/campaigns`, { body }),
      403,
      "forbidden",
    );
    await expectError(
      await as(coordinator())(`/api/poles/${pole.poleId}/maturity/campaigns`, {
        body: { ...body, closesOn: inDays(-1) },
      }),
      400,
      "invalid_input",
    );
    await expectError(
      await as(coordinator())(`/api/poles/${pole.poleId}/maturity/campaigns`, {
        body: { ...body, audience: { kind: "people", userIds: [observer.userId] } },
      }),
      400,
      "invalid_input",
    );
    const opened = await openCampaign(body);
    expect(opened).toMatchObject({ state: "open", respondents: 12, answered: 0, asked: true });
    campaign = await json<CampaignView>(
      await as(groupA[0])(`/api/maturity/campaigns/${opened.id}`),
    );
    // Hidden indicators are not asked; the pôle's own are.
    expect(campaign.indicators.map((i) => i.id)).not.toContain("c3");
    expect(campaign.indicators).toHaveLength(26);
    ownIndicator = campaign.indicators.at(-1)?.id ?? "";
    expect(ownIndicator).toMatch(/^x-/);
    expect(campaign.markers.map((m) => m.level)).toEqual([null, null, null, null, null, null]);
  });

  it("refuses ratings outside 1–6 with 400 and keeps what was saved", async () => {
    const person = groupA[0];
    await json(await answer(person, campaign.id, "a1", { importance: 6 }));
    for (const bad of [0, 7, 2.5, "5", -1]) {
      const message = await expectError(
        await answer(person, campaign.id, "a1", { standing: bad }),
        400,
        "invalid_input",
      );
      expect(message).toMatch(/1 à 6/);
    }
    await expectError(
      await answer(person, campaign.id, "a1", { comment: "x".repeat(2001) }),
      400,
      "invalid_input",
    );
    await expectError(await answer(person, campaign.id, "zz", { importance: 3 }), 404, "not_found");
    await expectError(
      await answer(person, campaign.id, "a1", {
        evidence: [{ kind: "document", documentId: "elsewhere", label: "Ailleurs" }],
      }),
      400,
      "invalid_input",
    );
    const mine = await json<MyAnswer[]>(
      await as(person)(`/api/maturity/campaigns/${campaign.id}/answers`),
    );
    expect(mine).toEqual([
      expect.objectContaining({ indicatorId: "a1", importance: 6, standing: null, comment: "" }),
    ]);
  });

  it("saves each field as typed and gives it back to resume", async () => {
    const person = groupA[0];
    await json(await answer(person, campaign.id, "a1", { standing: 2 }));
    await json(
      await answer(person, campaign.id, "a1", {
        comment: "Le lieu existe mais reste peu connu.",
        evidence: [
          { kind: "document", documentId: pole.documents.diagnostic, label: "Diagnostic" },
        ],
      }),
    );
    const mine = await json<MyAnswer[]>(
      await as(person)(`/api/maturity/campaigns/${campaign.id}/answers`),
    );
    expect(mine).toEqual([
      expect.objectContaining({
        indicatorId: "a1",
        importance: 6,
        standing: 2,
        comment: "Le lieu existe mais reste peu connu.",
        evidence: [
          { kind: "document", documentId: pole.documents.diagnostic, label: "Diagnostic" },
        ],
      }),
    ]);
    // Clearing a rating is an answer too.
    await json(await answer(person, campaign.id, "a1", { standing: null }));
    await json(await answer(person, campaign.id, "a1", { standing: 2 }));
  });

  it("takes answers only from the people asked", async () => {
    await expectError(
      await answer(observer, campaign.id, "a1", { importance: 3 }),
      403,
      "forbidden",
    );
    // Nobody reads another's answers: each reads their own, even the coordinator.
    const theirs = await json<MyAnswer[]>(
      await as(coordinator())(`/api/maturity/campaigns/${campaign.id}/answers`),
    );
    expect(theirs).toEqual([]);
  });

  it("shows its results to coordinators while open, not to members", async () => {
    await expectError(
      await as(groupB[0])(`/api/maturity/campaigns/${campaign.id}/results`),
      403,
      "forbidden",
    );
    const early = await json<CampaignResults>(
      await as(coordinator())(`/api/maturity/campaigns/${campaign.id}/results`),
    );
    // One person answered: nothing is shown but the count.
    expect(early.indicators[0]).toEqual({
      indicatorId: "a1",
      importance: { count: 1, mean: null, spread: null },
      standing: { count: 1, mean: null, spread: null },
    });
  });

  it("adds up twelve people's answers, by circle and by kind of structure", async () => {
    const d1 = new Map<Person, number>([
      ...[coordinator(), ...steering].map((p) => [p, 4] as const),
      ...groupA.map((p) => [p, 6] as const),
      ...groupB.map((p) => [p, 5] as const),
    ]);
    for (const person of everyone()) {
      await json(await answer(person, campaign.id, "a1", { importance: 6, standing: 2 }));
      await json(await answer(person, campaign.id, "a2", { importance: 5, standing: 4 }));
      await json(await answer(person, campaign.id, "b1", { importance: 2, standing: 1 }));
      await json(
        await answer(person, campaign.id, "d1", { importance: d1.get(person), standing: 3 }),
      );
    }
    for (const person of groupB.slice(0, 2)) {
      await json(await answer(person, campaign.id, ownIndicator, { importance: 6, standing: 1 }));
    }
    const results = await json<CampaignResults>(
      await as(coordinator())(`/api/maturity/campaigns/${campaign.id}/results`),
    );
    expect(results).toMatchObject({ respondents: 12, answered: 12, threshold: 3 });
    const of = (id: string) => results.indicators.find((i) => i.indicatorId === id);
    expect(of("a1")).toEqual({
      indicatorId: "a1",
      importance: { count: 12, mean: 6, spread: 0 },
      standing: { count: 12, mean: 2, spread: 0 },
    });
    expect(of("d1")?.importance).toEqual({ count: 12, mean: 5, spread: 0.82 });
    // Two answers: "pas assez de réponses".
    expect(of(ownIndicator)?.importance).toEqual({ count: 2, mean: null, spread: null });
    expect(results.priorities.map((p) => [p.indicatorId, p.gap])).toEqual([
      ["a1", 4],
      ["d1", 2],
      ["a2", 1],
    ]);
    const objectiveD = (group: { objectives: CampaignResults["objectives"] }) =>
      group.objectives.find((o) => o.objective === "d")?.importance;
    const circle = (id: string) => results.byCircle.find((g) => g.key === id);
    expect(circle(circleA)).toMatchObject({ label: "Réemploi", respondents: 4 });
    expect(objectiveD(circle(circleA) ?? { objectives: [] })).toEqual({
      count: 4,
      mean: 6,
      spread: 0,
    });
    expect(objectiveD(circle(pole.circles.steering) ?? { objectives: [] })?.mean).toBe(4);
    // The core group is the coordinator alone: withheld.
    expect(circle(pole.circles.core)?.respondents).toBe(1);
    expect(objectiveD(circle(pole.circles.core) ?? { objectives: [] })?.mean).toBeNull();
    const kind = (key: string) => results.byStructureKind.find((g) => g.key === key);
    expect(kind("association")).toMatchObject({ label: "Association", respondents: 4 });
    expect(objectiveD(kind("scic") ?? { objectives: [] })?.mean).toBe(5);
    expect(kind("none")?.respondents).toBe(4);
    expect(results.previous).toBeNull();
  });

  it("has its markers set by the steering committee, argued on its own page", async () => {
    const url = `/api/maturity/campaigns/${campaign.id}/markers`;
    const levels = await json<Array<{ marker: string; level: string | null }>>(
      await as(steering[0])(`${url}/plurality`, { method: "PUT", body: { level: "developing" } }),
    );
    expect(levels.find((m) => m.marker === "plurality")?.level).toBe("developing");
    await expectError(
      await as(groupA[0])(`${url}/plurality`, { method: "PUT", body: { level: "established" } }),
      403,
      "forbidden",
    );
    await expectError(
      await as(steering[0])(`${url}/plurality`, { method: "PUT", body: { level: "mature" } }),
      400,
      "invalid_input",
    );
    await expectError(
      await as(steering[0])(`${url}/nothing`, { method: "PUT", body: { level: "emerging" } }),
      400,
      "invalid_input",
    );
    const documents = await json<
      Array<{ id: string; kind: string; circleId: string; access: string }>
    >(await as(steering[1])(`/api/poles/${pole.poleId}/documents`));
    const sheet = documents.find((d) => d.id === campaign.sheetDocumentId);
    expect(sheet).toMatchObject({ kind: "page", circleId: pole.circles.steering, access: "edit" });
    const export_ = await as(steering[1])(`/api/documents/${campaign.sheetDocumentId}/export/md`);
    const text = await export_.text();
    expect(text).toContain("Pluralité et hétérogénéité des parties prenantes");
    expect(text).toContain("Capacité à décrire et modéliser son action pour la transmettre");
  });

  it("is closed by coordinators only, once, and then takes no answer", async () => {
    const url = `/api/maturity/campaigns/${campaign.id}/close`;
    await expectError(await as(steering[0])(url, { body: {} }), 403, "forbidden");
    const closed = await json<CampaignView>(await as(coordinator())(url, { body: {} }));
    expect(closed.state).toBe("closed");
    await expectError(await as(coordinator())(url, { body: {} }), 409, "conflict");
    await expectError(
      await answer(groupA[1], campaign.id, "a1", { importance: 1 }),
      409,
      "conflict",
    );
  });

  it("shows observers the aggregates once closed, never anyone's answers", async () => {
    const response = await as(observer)(`/api/maturity/campaigns/${campaign.id}/results`);
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const person of everyone()) expect(text).not.toContain(person.userId);
    expect(text).not.toContain("Le lieu existe");
    const results = JSON.parse(text) as CampaignResults;
    expect(results.objectives.find((o) => o.objective === "a")?.standing.mean).toBe(3);
  });
});

describe("a second campaign, for one circle", () => {
  let first: string;
  let second: CampaignSummary;

  it("asks that circle's members only", async () => {
    const list = await json<CampaignSummary[]>(
      await as(groupA[0])(`/api/poles/${pole.poleId}/maturity/campaigns`),
    );
    first = list[0].id;
    second = await openCampaign({
      title: "Point d'étape du groupe Réemploi",
      opensOn: today(),
      closesOn: inDays(7),
      audience: { kind: "circle", circleId: circleA },
    });
    expect(second.respondents).toBe(4);
    await expectError(
      await answer(groupB[0], second.id, "a1", { importance: 5 }),
      403,
      "forbidden",
    );
    await expectError(
      await as(coordinator())(`/api/poles/${pole.poleId}/maturity/campaigns`, {
        body: {
          title: "Cercle inconnu",
          opensOn: today(),
          closesOn: today(),
          audience: { kind: "circle", circleId: "nope" },
        },
      }),
      404,
      "not_found",
    );
  });

  it("is not open before its first day", async () => {
    const later = await openCampaign({
      title: "Campagne de l'an prochain",
      opensOn: inDays(300),
      closesOn: inDays(330),
      audience: { kind: "people", userIds: [groupA[0].userId] },
    });
    expect(later.state).toBe("scheduled");
    await expectError(await answer(groupA[0], later.id, "a1", { importance: 5 }), 409, "conflict");
  });

  it("compares with the previous campaign once closed", async () => {
    for (const person of groupA) {
      await json(await answer(person, second.id, "a1", { importance: 6, standing: 4 }));
    }
    // Pages open on the pôle hear that the campaign changed, not what it holds.
    const stream = await listenToPole(server, pole.poleId, groupB[0]);
    await stream.until("event: ready");
    await json(await as(coordinator())(`/api/maturity/campaigns/${second.id}/close`, { body: {} }));
    await stream.until(`data: {"type":"maturity","id":"${second.id}"}`);
    stream.stop();
    const results = await json<CampaignResults>(
      await as(groupB[0])(`/api/maturity/campaigns/${second.id}/results`),
    );
    expect(results.previous?.id).toBe(first);
    const a = (list: CampaignResults["objectives"]) => list.find((o) => o.objective === "a");
    expect(a(results.objectives)?.standing.mean).toBe(4);
    expect(a(results.previous?.objectives ?? [])?.standing.mean).toBe(3);
  });
});

describe("the pôle's dashboard", () => {
  it("tells an observer where the pôle stands", async () => {
    const decision = await json<{ id: string }>(
      await as(coordinator())(`/api/poles/${pole.poleId}/decisions`, {
        body: {
          circleId: pole.circles.steering,
          title: "Lancer l'auto-évaluation",
          method: "majority",
        },
      }),
      201,
    );
    await json(
      await as(steering[0])(`/api/decisions/${decision.id}/votes`, { body: { choice: "for" } }),
    );
    await json(await as(coordinator())(`/api/decisions/${decision.id}/close`, { body: {} }));
    const dashboard = await json<Dashboard>(
      await as(observer)(`/api/poles/${pole.poleId}/dashboard`),
    );
    expect(dashboard.members.total).toBe(13);
    expect(dashboard.members.byRole).toEqual([
      { key: "coordinator", count: 1 },
      { key: "member", count: 11 },
      { key: "commenter", count: 0 },
      { key: "observer", count: 1 },
    ]);
    expect(dashboard.structures.byKind).toEqual([
      { key: "association", count: 1 },
      { key: "scic", count: 1 },
    ]);
    expect(dashboard.growth.at(-1)).toMatchObject({ members: 13, structures: 2 });
    const a = dashboard.circles.find((c) => c.id === circleA);
    expect(a).toMatchObject({ name: "Réemploi", members: 4, active: 4 });
    expect(dashboard.diagnostic?.total).toBe(4);
    expect(dashboard.projects.total).toBe(0);
    const quarter = `${new Date().getUTCFullYear()}-T${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
    expect(dashboard.governance).toEqual([{ quarter, decisions: 1, meetings: 0 }]);
    // The latest campaign begun (the one of next year is left out), closed: its figures.
    expect(dashboard.maturity?.campaign.title).toBe("Point d'étape du groupe Réemploi");
    expect(dashboard.maturity?.objectives?.find((o) => o.objective === "a")?.standing).toEqual({
      count: 4,
      mean: 4,
      spread: 0,
    });
    expect(dashboard.maturity?.markers).toHaveLength(6);
  });

  it("is for the pôle's members only", async () => {
    await expectError(
      await client(server.url)(`/api/poles/${pole.poleId}/dashboard`),
      401,
      "unauthenticated",
    );
    await expectError(await as(observer)("/api/maturity/campaigns/nope"), 404, "not_found");
    const other = await json<{ id: string }>(
      await as(groupA[0])("/api/poles", { body: { name: "Un autre pôle" } }),
      201,
    );
    await expectError(await as(groupB[0])(`/api/poles/${other.id}/dashboard`), 404, "not_found");
  });
});

describe("the funders' report", () => {
  const formats = ["html", "odt", "docx"] as const;

  it.each(formats)("is written as %s", async (format) => {
    const response = await as(observer)(`/api/poles/${pole.poleId}/dashboard/report/${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`.${format}`);
    if (format === "html") {
      const html = await response.text();
      for (const heading of [
        "Identité du pôle",
        "Le collectif",
        "Diagnostic de territoire",
        "Projets",
        "Emplois",
        "Financements",
        "Gouvernance",
        "Maturité",
      ]) {
        expect(html).toContain(heading);
      }
      expect(html).toContain("Décisions adoptées");
      expect(html).toContain("Réunions tenues");
      expect(html).toContain("Point d&#39;étape du groupe Réemploi");
      expect(html).toContain("Disposer d&#39;un lieu identifié et accessible");
    }
  });

  it("refuses an unknown format", async () => {
    await expectError(
      await as(observer)(`/api/poles/${pole.poleId}/dashboard/report/pdf`),
      400,
      "invalid_input",
    );
  });

  it("opens in LibreOffice (ODT and DOCX converted to PDF)", async () => {
    const libreoffice = ["libreoffice", "soffice"].find((name) => {
      try {
        execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    });
    if (!libreoffice) {
      throw new Error(
        "LibreOffice is missing: install Debian's libreoffice-writer-nogui (.ci/run does) to check that the funders' report opens.",
      );
    }
    const dir = mkdtempSync(join(tmpdir(), "maillage-report-"));
    try {
      // Both files first: the conversions then run while the server waits for nothing.
      const files: Record<string, string> = {};
      for (const format of ["odt", "docx"]) {
        const response = await as(coordinator())(
          `/api/poles/${pole.poleId}/dashboard/report/${format}`,
        );
        files[format] = join(dir, `rapport.${format}`);
        writeFileSync(files[format], Buffer.from(await response.arrayBuffer()));
      }
      for (const [format, file] of Object.entries(files)) {
        const out = join(dir, format);
        await promisify(execFile)(
          libreoffice,
          [
            `-env:UserInstallation=file://${join(dir, "profile")}`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            out,
            file,
          ],
          { timeout: 120_000 },
        );
        const pdf = join(out, "rapport.pdf");
        expect(existsSync(pdf), `LibreOffice made no PDF of the ${format} report`).toBe(true);
        const bytes = readFileSync(pdf);
        expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
        expect(bytes.length).toBeGreaterThan(5_000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
