import type { PolicyRow } from "../../store/collectionsSchema.js";
import type { PolicyInput } from "../inputs/policyInputs.js";

export interface PolicyView {
  id: string;
  key: string;
  version: number;
  name: string;
  createdAt: string;
  createdBy: string;
  definition: PolicyInput;
}

export const policyView = (row: PolicyRow): PolicyView => ({
  id: row.id,
  key: row.key,
  version: row.version,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  definition: row.definition as PolicyInput,
});
