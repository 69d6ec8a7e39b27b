import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "../../../src/store/engine/dataDirLock.js";

describe("embedded data directory lock", () => {
  it("lets one process hold a data directory and refuses a second holder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dunwell-lock-"));
    // the parent process is alive and is not us: it stands in for another Dunwell process
    await writeFile(join(dir, "dunwell.lock"), String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
    await rm(join(dir, "dunwell.lock"));
    const release = await lockDataDir(dir);
    await release();
    await rm(dir, { recursive: true });
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dunwell-lock-"));
    await writeFile(join(dir, "dunwell.lock"), "999999999");
    const release = await lockDataDir(dir);
    await release();
    await rm(dir, { recursive: true });
  });
});
