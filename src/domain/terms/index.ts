export * from "./paymentTerms.js";
export * from "./installments.js";
