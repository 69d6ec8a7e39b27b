import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".dunwell/**", "bench/out/**", "scratch/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.name='parseFloat']", message: "Money and dates are never floats: use domain/money." }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["**/store/**", "**/app/**", "**/api/**", "**/cli/**", "**/jobs/**"], message: "src/domain is pure: it depends on nothing outside itself." },
        { group: ["pg", "kysely", "@electric-sql/*", "fastify", "node:fs", "node:fs/*", "pino"], message: "src/domain does no I/O." },
      ] }],
    },
  },
);
