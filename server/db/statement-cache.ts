/**
 * Kysely's SQLite driver prepares every query anew, and compiling the SQL was the largest
 * part of a query's cost (8 % of the server's CPU in a reconnect storm). Statements are
 * kept by their SQL, the least recently used dropped past `size` (lists of `?` make many
 * shapes). A statement still iterating (a streamed query) is never handed out twice.
 */
import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

export function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      const statement = kept && !kept.busy ? kept : sqlite.prepare(sql);
      // Re-inserted, so that the Map's order is the order of last use.
      statements.delete(sql);
      statements.set(sql, statement);
      if (statements.size > size) {
        const oldest = statements.keys().next();
        if (!oldest.done) statements.delete(oldest.value);
      }
      return statement;
    },
  };
}
