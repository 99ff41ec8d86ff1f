/**
 * HTTP: requests per second and latency of a listing and of a login under autocannon.
 * Logins hash with argon2 on purpose; failed ones are throttled per account and address.
 */
import autocannon from "autocannon";
import { startServer } from "./lib/servers";
import { copyTemplate } from "./lib/setup";
import { fmt } from "./lib/stats";
import type { SuiteContext } from "./lib/suite";

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  statuses: string;
  errors: number;
}

async function cannon(options: autocannon.Options): Promise<Measured> {
  const result = await autocannon(options);
  const statuses = ["1xx", "2xx", "3xx", "4xx", "5xx"]
    .map((code) => [code, result[code as "2xx"] ?? 0] as const)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => `${code}: ${count}`)
    .join(", ");
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

export async function runHttp(context: SuiteContext): Promise<void> {
  const { quick, template, section, emit, summary } = context;
  section("HTTP under autocannon (Maillage)");
  const duration = quick ? 2 : 15;
  const data = copyTemplate(template);
  const server = await startServer("maillage", { env: { DATA_DIR: data.dir } });
  try {
    const headers = { origin: server.url, "content-type": "application/json" };
    const memberCookie = template.memberCookies[0];
    // A short warm-up so the first seconds measure the server, not its JIT.
    await cannon({
      url: `${server.url}/api/poles/${template.poleId}/documents`,
      headers: { ...headers, cookie: memberCookie },
      duration: 1,
    });
    const listing = await cannon({
      url: `${server.url}/api/poles/${template.poleId}/documents`,
      headers: { ...headers, cookie: memberCookie },
      connections: 20,
      duration,
    });
    const login = await cannon({
      url: `${server.url}/api/auth/login`,
      method: "POST",
      headers,
      body: JSON.stringify({ email: "membre-1@example.org", password: "another long passphrase" }),
      connections: 8,
      duration,
    });
    const failed = await cannon({
      url: `${server.url}/api/auth/login`,
      method: "POST",
      headers,
      body: JSON.stringify({ email: "membre-2@example.org", password: "not the passphrase" }),
      connections: 8,
      duration,
    });
    const rows = [
      [`GET /api/poles/:id/documents (${template.pages.length} pages)`, listing],
      ["POST /api/auth/login (right password)", login],
      ["POST /api/auth/login (wrong password)", failed],
    ] as const;
    emit(
      ["request", "req/s", "p50 ms", "p99 ms", "answers", "errors"],
      rows.map(([name, m]) => [
        name,
        fmt(m.rps, 0),
        fmt(m.p50, 0),
        fmt(m.p99, 0),
        m.statuses,
        String(m.errors),
      ]),
    );
    summary(
      `HTTP: the document listing serves ${fmt(listing.rps, 0)} req/s (p99 ${fmt(listing.p99, 0)} ms); ` +
        `logins ${fmt(login.rps, 0)}/s (argon2, p99 ${fmt(login.p99, 0)} ms); failed logins are ` +
        `throttled after 5 per account (${failed.statuses})`,
    );
  } finally {
    await server.stop();
    data.remove();
  }
}
