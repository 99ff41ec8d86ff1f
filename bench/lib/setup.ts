/**
 * A Maillage instance prepared once through its HTTP API (set-up, invitations accepted by
 * real accounts, pages in the core circle), then copied for every run so that each run
 * starts from the same database with valid session cookies.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { client, sessionCookie } from "../../tests/helpers/server";
import { type RunningServer, type ServerKind, startServer } from "./servers";

export interface Template {
  dir: string;
  poleId: string;
  coreCircleId: string;
  coordinatorCookie: string;
  memberCookies: string[];
  pages: string[];
}

const manifestName = "bench-manifest.json";

async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>) {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

async function expectStatus(response: Response, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  }
  return response;
}

/** Builds (or reuses, when it already has enough) a template instance. */
export async function prepareTemplate(
  dir: string,
  members: number,
  pages: number,
  /** Extra environment of the server that builds it (DATABASE_URL: into PostgreSQL). */
  env: Record<string, string> = {},
): Promise<Template> {
  const manifest = join(dir, manifestName);
  if (existsSync(manifest)) {
    const existing = JSON.parse(readFileSync(manifest, "utf8")) as Template;
    if (existing.memberCookies.length >= members && existing.pages.length >= pages) return existing;
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startServer("maillage", { env: { DATA_DIR: dir, ...env } });
  try {
    const url = server.url;
    const setup = await expectStatus(
      await client(url)("/api/setup", {
        body: {
          pole: { name: "Pôle de banc d'essai" },
          admin: {
            name: "Camille Martin",
            email: "coordination@example.org",
            password: "correct horse battery staple",
          },
        },
      }),
      201,
      "setup",
    );
    const coordinatorCookie = sessionCookie(setup);
    const api = client(url, coordinatorCookie);
    const me = (await (await api("/api/me")).json()) as { poles: Array<{ id: string }> };
    const poleId = me.poles[0].id;
    const circles = (await (await api(`/api/poles/${poleId}/circles`)).json()) as Array<{
      id: string;
      kind: string;
    }>;
    const core = circles.find((c) => c.kind === "core");
    if (!core) throw new Error("no core circle");
    const memberCookies = await inParallel(members, 6, async (i) => {
      const invitation = await expectStatus(
        await api(`/api/poles/${poleId}/invitations`, {
          body: { circles: [{ circleId: core.id, role: "member" }] },
        }),
        201,
        "invitation",
      );
      const { token } = (await invitation.json()) as { token: string };
      const accepted = await expectStatus(
        await client(url)(`/api/invitations/${token}/accept`, {
          body: {
            name: `Membre ${i}`,
            email: `membre-${i}@example.org`,
            password: "another long passphrase",
          },
        }),
        201,
        "accept",
      );
      return sessionCookie(accepted);
    });
    const pageIds = await inParallel(pages, 6, async (i) => {
      const created = await expectStatus(
        await api(`/api/poles/${poleId}/documents`, {
          body: { kind: "page", title: `Page ${i}`, circleId: core.id },
        }),
        201,
        "page",
      );
      return ((await created.json()) as { id: string }).id;
    });
    const template: Template = {
      dir,
      poleId,
      coreCircleId: core.id,
      coordinatorCookie,
      memberCookies,
      pages: pageIds,
    };
    await server.stop();
    writeFileSync(manifest, JSON.stringify(template));
    return template;
  } finally {
    await server.stop();
  }
}

/** A fresh copy of the template's data, removed by the returned function. */
export function copyTemplate(template: Template): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "maillage-bench-"));
  cpSync(template.dir, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a browser sends on the upgrade: the session cookie and the page's Origin. */
export const memberHeaders = (template: Template, url: string, i: number) => ({
  cookie: template.memberCookies[i % template.memberCookies.length],
  origin: url,
});

/**
 * A server under test, Maillage on its own copy of the template's data; `stop` stops it
 * and removes that copy.
 */
export async function startOnTemplate(
  kind: ServerKind,
  template: Template,
): Promise<{ server: RunningServer; stop(): Promise<void> }> {
  const data = kind === "maillage" ? copyTemplate(template) : null;
  const server = await startServer(kind, { env: data ? { DATA_DIR: data.dir } : {} });
  return {
    server,
    async stop() {
      await server.stop();
      data?.remove();
    },
  };
}
