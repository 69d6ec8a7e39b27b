export * from "./currency.js";
export * from "./money.js";
export * from "./rounding.js";
export * from "./allocate.js";
export * from "./percent.js";
