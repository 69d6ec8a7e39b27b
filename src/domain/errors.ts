/**
 * Every error Dunwell reports has a stable code. The code says what went wrong; the kind says how
 * adapters surface it (HTTP status, CLI exit code), mapped once in src/app/errorKinds.ts.
 * docs/errors.md documents every code (a test enforces it).
 */
export const ERROR_CODES = {
  // input shape
  VALIDATION_FAILED: "invalid",
  INVALID_DATE: "invalid",
  INVALID_AMOUNT: "invalid",
  TOO_MANY_DECIMALS: "invalid",
  UNKNOWN_CURRENCY: "invalid",
  CURRENCY_MISMATCH: "invalid",
  NEGATIVE_AMOUNT: "invalid",
  INVALID_TERMS: "invalid",
  INVALID_INSTALLMENTS: "invalid",
  UNKNOWN_COUNTRY: "invalid",
  DUE_BEFORE_ISSUE: "invalid",
  MISSING_COLUMN: "invalid",
  MISSING_VALUE: "invalid",
  UNKNOWN_COLUMN: "invalid",
  DUPLICATE_IN_FILE: "invalid",
  MALFORMED_FILE: "invalid",
  UNSUPPORTED_FORMAT: "invalid",
  INVALID_CURSOR: "invalid",
  IMPORT_REJECTED: "invalid",
  // message templates, checked when saved
  TEMPLATE_SYNTAX: "invalid",
  TEMPLATE_UNKNOWN_VARIABLE: "invalid",
  TEMPLATE_UNKNOWN_HELPER: "invalid",
  TEMPLATE_BAD_ARGUMENT: "invalid",
  TEMPLATE_NOT_PRINTABLE: "invalid",
  TEMPLATE_NOT_ALLOWED: "invalid",
  // size
  FILE_TOO_LARGE: "too_large",
  // bank files (camt.053/054, MT940, BAI2, CSV); the whole file is refused
  MALFORMED_BANK_FILE: "invalid",
  UNSUPPORTED_BANK_FORMAT: "invalid",
  XML_DTD_FORBIDDEN: "invalid",
  BALANCE_MISMATCH: "invalid",
  CONTROL_TOTAL_MISMATCH: "invalid",
  // files the CLI writes
  OUTPUT_NOT_WRITABLE: "invalid",
  // references
  TENANT_NOT_FOUND: "not_found",
  CUSTOMER_NOT_FOUND: "not_found",
  CONTACT_NOT_FOUND: "not_found",
  INVOICE_NOT_FOUND: "not_found",
  CREDIT_NOTE_NOT_FOUND: "not_found",
  PAYMENT_NOT_FOUND: "not_found",
  API_KEY_NOT_FOUND: "not_found",
  USER_NOT_FOUND: "not_found",
  ROUTE_NOT_FOUND: "not_found",
  UNKNOWN_CUSTOMER: "invalid",
  UNKNOWN_INVOICE: "invalid",
  // state conflicts
  TENANT_EXISTS: "conflict",
  TENANT_AMBIGUOUS: "invalid",
  USER_EXISTS: "conflict",
  CUSTOMER_EXISTS: "conflict",
  INVOICE_EXISTS: "conflict",
  IMMUTABLE_FIELD: "conflict",
  OVER_ALLOCATION: "conflict",
  INVOICE_OVERALLOCATED: "conflict",
  PAYMENT_CONFLICT: "conflict",
  IDEMPOTENCY_KEY_REUSED: "conflict",
  IDEMPOTENCY_IN_PROGRESS: "conflict",
  // outgoing messages (src/channels): the dispatcher retries the transient ones, dead-letters the permanent ones
  CHANNEL_UNAVAILABLE: "unavailable",
  CHANNEL_MISCONFIGURED: "unavailable",
  MESSAGE_REJECTED: "invalid",
  RECIPIENT_REJECTED: "invalid",
  INVALID_EMAIL_ADDRESS: "invalid",
  INVALID_PHONE_NUMBER: "invalid",
  // collections
  INVALID_POLICY: "invalid",
  INVALID_SCENARIO: "invalid",
  UNKNOWN_REFERENCE: "invalid",
  INVALID_PLAN: "invalid",
  POLICY_NOT_FOUND: "not_found",
  DISPUTE_NOT_FOUND: "not_found",
  PROMISE_NOT_FOUND: "not_found",
  HOLD_NOT_FOUND: "not_found",
  PLAN_NOT_FOUND: "not_found",
  TASK_NOT_FOUND: "not_found",
  TEMPLATE_NOT_FOUND: "not_found",
  PRINT_BATCH_NOT_FOUND: "not_found",
  DISPUTE_EXISTS: "conflict",
  DISPUTE_CLOSED: "conflict",
  HOLD_RELEASED: "conflict",
  PLAN_CLOSED: "conflict",
  TASK_CLOSED: "conflict",
  // fees, interest and discounts
  INVALID_RATE: "invalid",
  RATE_TABLE_GAP: "invalid",
  RATE_TABLE_OVERLAP: "invalid",
  RATE_TABLE_MISMATCH: "invalid",
  INVALID_INTEREST: "invalid",
  RATE_TABLE_NOT_FOUND: "not_found",
  INVALID_FEE: "invalid",
  INVALID_DISCOUNT: "invalid",
  CHARGE_NOT_FOUND: "not_found",
  // access
  UNAUTHENTICATED: "unauthenticated",
  FORBIDDEN: "forbidden",
  API_KEY_REVOKED: "unauthenticated",
  // infrastructure
  DATABASE_UNAVAILABLE: "unavailable",
  INTERNAL: "internal",
  // HTTP requests the API cannot read (src/api/errors.ts)
  MALFORMED_REQUEST: "invalid",
  UNSUPPORTED_MEDIA_TYPE: "invalid",
  BODY_TOO_LARGE: "too_large",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorKind = (typeof ERROR_CODES)[ErrorCode];

/** A failure as a value. `path` names the field (JSON path or CSV column), `line` the input line. */
export interface DomainError {
  code: ErrorCode;
  message: string;
  path?: string;
  line?: number;
  details?: unknown;
}

export const domainError = (code: ErrorCode, message: string, extra: Omit<DomainError, "code" | "message"> = {}): DomainError => ({
  code,
  message,
  ...extra,
});

/** Thrown across layers by use cases; adapters catch it and map `error.code`. */
export class Failure extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
    this.name = "Failure";
  }
}

export const fail = (code: ErrorCode, message: string, extra: Omit<DomainError, "code" | "message"> = {}): never => {
  throw new Failure(domainError(code, message, extra));
};

export const kindOf = (code: ErrorCode): ErrorKind => ERROR_CODES[code];

/** The one mapping from error kind to HTTP status and CLI exit code (sysexits.h numbers). */
export const KIND_STATUS: Record<ErrorKind, { http: number; exit: number }> = {
  invalid: { http: 400, exit: 65 },
  too_large: { http: 413, exit: 65 },
  not_found: { http: 404, exit: 66 },
  conflict: { http: 409, exit: 75 },
  unauthenticated: { http: 401, exit: 77 },
  forbidden: { http: 403, exit: 77 },
  unavailable: { http: 503, exit: 69 },
  internal: { http: 500, exit: 70 },
};
