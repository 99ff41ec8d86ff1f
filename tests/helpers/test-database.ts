/**
 * Fresh PostgreSQL databases for tests, on the server MAILLAGE_TEST_DATABASE_URL names (a
 * role that may create databases; `.ci/run` sets one up): one per test file or server,
 * dropped after. Without that address the tests that need one fail and say so: they are
 * never skipped.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export function testDatabaseServer(): string {
  const url = process.env.MAILLAGE_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "MAILLAGE_TEST_DATABASE_URL is not set: the scale-out tests need a PostgreSQL server " +
        "(e.g. postgres://maillage:maillage@127.0.0.1:5432/maillage, a role allowed to create " +
        "databases; .ci/run sets one up) and redis-server on the PATH.",
    );
  }
  return url;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the test server, empty or a copy of `template` (which nobody may be
 * connected to), dropped (connections and all) by `drop`.
 */
export async function createTestDatabase(template?: TestDatabase): Promise<TestDatabase> {
  const server = testDatabaseServer();
  const name = `maillage_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template.name}` : ""}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: server });
      await again.connect();
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            // FORCE may not end a backend of another role: an autovacuum worker that just
            // started on the new database. It finishes within moments.
            if (attempt >= 20 || (error as { code?: string }).code !== "42501") throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await again.end();
      }
    },
  };
}
