import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared beside the checkout: real-world fixtures, used in place and never copied into the project. */
export const sharedDir = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const sharedAvailable = existsSync(sharedDir + "fixtures");

if (!sharedAvailable) console.warn(`skipped: shared fixtures not found at ${sharedDir}`);
