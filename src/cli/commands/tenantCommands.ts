import type { Command } from "commander";
import { createApiKey, listApiKeys, revokeApiKey } from "../../app/access/apiKeys.js";
import { addUser } from "../../app/access/users.js";
import { createTenant, type CreateTenantCommand } from "../../app/tenants/createTenant.js";
import { listTenants } from "../../app/tenants/findTenant.js";
import { ROLES, type Role } from "../../domain/access/roles.js";
import { parseInput } from "../../app/inputs/validate.js";
import { z } from "zod";
import { withContext, type CliEnvironment } from "../context.js";
import { formatTable, toJson } from "../io.js";

const TenantFlags = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lowercase letters, digits and dashes"),
  name: z.string().min(1),
  currency: z.string(),
  country: z.string().regex(/^[A-Za-z]{2}$/),
  timezone: z.string(),
  language: z.string().optional(),
});
const RoleFlag = z.enum(ROLES);

export function registerTenantCommands(program: Command, env: CliEnvironment): void {
  const tenant = program.command("tenant").description("tenants (one company's books each)");
  tenant
    .command("create")
    .requiredOption("--slug <slug>", "short name used by --tenant")
    .requiredOption("--name <name>", "company name")
    .option("--currency <code>", "base currency", "EUR")
    .option("--country <code>", "ISO country (holidays, statutory rules)", "DE")
    .option("--timezone <zone>", "IANA time zone; days turn over at its midnight", "Europe/Berlin")
    .option("--language <tag>", "default language", "en")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const f = parseInput(TenantFlags, cmd.opts(), "flags");
        const command: CreateTenantCommand = { slug: f.slug, name: f.name, baseCurrency: f.currency, country: f.country, timezone: f.timezone, ...(f.language ? { language: f.language } : {}) };
        const created = await createTenant(ctx.deps, command);
        const key = await createApiKey(ctx.deps, { tenantId: created.id, role: "admin", name: "cli" }, { name: "initial admin key", role: "admin" });
        ctx.io.out(ctx.json ? toJson({ tenant: created, apiKey: key }) : `created tenant ${created.slug} (${created.id})\nadmin API key (shown once): ${key.key}`);
      }),
    );
  tenant
    .command("list")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const all = await listTenants(ctx.deps);
        ctx.io.out(ctx.json ? toJson(all) : formatTable(all, [{ header: "slug", value: (t) => t.slug }, { header: "name", value: (t) => t.name }, { header: "currency", value: (t) => t.baseCurrency }, { header: "time zone", value: (t) => t.timezone }]));
      }),
    );

  const apikey = program.command("apikey").description("API keys of a tenant");
  apikey
    .command("create")
    .requiredOption("--name <name>", "what the key is for")
    .option("--role <role>", `one of ${ROLES.join(", ")}`, "viewer")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const role: Role = parseInput(RoleFlag, cmd.opts().role, "--role");
        const key = await createApiKey(ctx.deps, actor, { name: cmd.opts().name as string, role });
        ctx.io.out(ctx.json ? toJson(key) : `${key.key}\n(id ${key.id}, role ${key.role}; the key is shown only now)`);
      }),
    );
  apikey.command("list").action((_o, cmd: Command) =>
    withContext(cmd, env, async (ctx) => {
      const { actor } = await ctx.tenant();
      const keys = await listApiKeys(ctx.deps, actor);
      ctx.io.out(ctx.json ? toJson(keys) : formatTable(keys, [{ header: "id", value: (k) => k.id }, { header: "name", value: (k) => k.name }, { header: "role", value: (k) => k.role }, { header: "revoked", value: (k) => k.revokedAt }]));
    }),
  );
  apikey.command("revoke <id>").action((id: string, _o, cmd: Command) =>
    withContext(cmd, env, async (ctx) => {
      const { actor } = await ctx.tenant();
      await revokeApiKey(ctx.deps, actor, id);
      ctx.io.out(ctx.json ? toJson({ revoked: id }) : `revoked ${id}`);
    }),
  );

  program
    .command("user")
    .description("staff users")
    .command("add")
    .requiredOption("--email <email>")
    .requiredOption("--role <role>", ROLES.join(", "))
    .option("--name <name>", "display name", "")
    .description("adds a user; the password is read from DUNWELL_PASSWORD")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const o = cmd.opts();
        const user = await addUser(ctx.deps, actor, { email: o.email as string, name: o.name as string, role: parseInput(RoleFlag, o.role, "--role"), password: env.env.DUNWELL_PASSWORD ?? "" });
        ctx.io.out(ctx.json ? toJson(user) : `added ${user.email} (${user.role})`);
      }),
    );
}
