import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fail } from "../../domain/errors.js";

const LOCK_FILE = "dunwell.lock";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite is PostgreSQL inside this process: a second process opening the same directory would write
 * the same files unsynchronised. One process holds a data directory at a time; a lock left by a dead
 * process is taken over. Returns the release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        fail("DATABASE_UNAVAILABLE", `the data directory ${dir} is in use by process ${holder} (stop it, or use a PostgreSQL server via DATABASE_URL for several processes)`);
      }
      await rm(path, { force: true });
    }
  }
  return fail("DATABASE_UNAVAILABLE", `cannot lock the data directory ${dir}`);
}
