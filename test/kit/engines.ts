import pg from "pg";

export type TestEngine = "pglite" | "postgres";

export const testEngine = (): TestEngine => (process.env.DUNWELL_TEST_ENGINE === "postgres" ? "postgres" : "pglite");

/** The server the PostgreSQL run uses; tests create and drop their own databases on it. */
export const adminUrl = (): string => process.env.DUNWELL_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export const databaseUrl = (name: string): string => {
  const url = new URL(adminUrl());
  url.pathname = "/" + name;
  return url.toString();
};

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}
