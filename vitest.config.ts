import { defineConfig } from "vitest/config";

// The integration suite runs twice, once per engine; CI=true makes the PostgreSQL run mandatory.
const integration = ["test/integration/**/*.test.ts"];

export default defineConfig({
  test: {
    // CI also writes machine-readable totals for .ci/run
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".vitest-results.json" }]] : ["default"],
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "pglite",
          include: integration,
          env: { DUNWELL_TEST_ENGINE: "pglite" },
          globalSetup: ["test/kit/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "postgres",
          include: integration,
          env: { DUNWELL_TEST_ENGINE: "postgres" },
          globalSetup: ["test/kit/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { name: "shared-fixtures", include: ["test/fixtures-shared/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000, globalSetup: ["test/kit/globalSetup.ts"], env: { DUNWELL_TEST_ENGINE: "pglite" } },
      },
    ],
  },
});
