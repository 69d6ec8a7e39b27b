import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { isMessageStep, type Policy, type PolicyStep } from "./policy.js";

const STEP_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * Rules a policy must satisfy before it is stored: steps in offset order with unique ids, and at
 * most one customer-facing message per offset (two would reach the same contact on one day).
 */
export function validatePolicy(policy: Policy): Result<Policy> {
  const problem = findProblem(policy.steps);
  return problem ? err(problem) : ok(policy);
}

function findProblem(steps: readonly PolicyStep[]): DomainError | undefined {
  if (steps.length === 0) return domainError("INVALID_POLICY", "a policy needs at least one step", { path: "steps" });
  const ids = new Set<string>();
  const messageOffsets = new Map<string, string>();
  for (const [i, step] of steps.entries()) {
    const path = `steps[${i}]`;
    if (!STEP_ID.test(step.id)) return domainError("INVALID_POLICY", `step id "${step.id}" must be 1–63 letters, digits, "_", "-" or "."`, { path: `${path}.id` });
    if (ids.has(step.id)) return domainError("INVALID_POLICY", `step id "${step.id}" is used twice`, { path: `${path}.id` });
    ids.add(step.id);
    const previous = steps[i - 1];
    if (previous && previous.offsetDays > step.offsetDays) {
      return domainError("INVALID_POLICY", `step "${step.id}" comes before "${previous.id}" in time; list steps in the order they happen`, { path: `${path}.offsetDays` });
    }
    if (isMessageStep(step)) {
      const key = `${step.offsetUnit}:${step.offsetDays}`;
      const other = messageOffsets.get(key);
      if (other) return domainError("INVALID_POLICY", `steps "${other}" and "${step.id}" would both message the customer on the same day`, { path: `${path}.offsetDays` });
      messageOffsets.set(key, step.id);
    }
    if (step.noticeDays < 0) return domainError("INVALID_POLICY", "noticeDays cannot be negative", { path: `${path}.noticeDays` });
    if (step.noticeDays > 0 && !steps.slice(0, i).some(isMessageStep)) {
      return domainError("INVALID_POLICY", `step "${step.id}" waits for notice, but no step before it messages the customer`, { path: `${path}.noticeDays` });
    }
  }
  return undefined;
}
