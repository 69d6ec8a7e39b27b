/** What each role may do. Adapters check a permission before calling a use case. */
export const ROLES = ["admin", "manager", "collector", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "ledger:read"
  | "ledger:write" // customers, contacts, invoices, credit notes, payments, allocations, imports
  | "ledger:writeOff"
  | "reports:read"
  | "collections:read" // policies, worklist, disputes, promises, timelines
  | "collections:act" // disputes, promises, holds, task outcomes and assignment, notes
  | "collections:configure" // policies and running the engine
  | "admin:users"; // users and API keys

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["ledger:read", "ledger:write", "ledger:writeOff", "reports:read", "collections:read", "collections:act", "collections:configure", "admin:users"],
  manager: ["ledger:read", "ledger:write", "ledger:writeOff", "reports:read", "collections:read", "collections:act", "collections:configure"],
  collector: ["ledger:read", "ledger:write", "reports:read", "collections:read", "collections:act"],
  analyst: ["ledger:read", "reports:read", "collections:read"],
  viewer: ["ledger:read", "reports:read", "collections:read"],
};

export const can = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
