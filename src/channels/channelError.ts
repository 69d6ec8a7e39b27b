import { Failure, domainError, type ErrorCode } from "../domain/errors.js";

/** What the outbox dispatcher does with a failed send: retry it later with backoff, or dead-letter it. */
export type SendFailure = "transient" | "permanent";

const FAILURE_OF_CODE = {
  CHANNEL_UNAVAILABLE: "transient",
  // The message is fine, the channel's settings are not (a changed SMTP password, a revoked API key).
  // Dead-lettering would drop a whole day's reminders; retrying lets them go out once an admin fixes it.
  CHANNEL_MISCONFIGURED: "transient",
  MESSAGE_REJECTED: "permanent",
  RECIPIENT_REJECTED: "permanent",
  INVALID_EMAIL_ADDRESS: "permanent",
  INVALID_PHONE_NUMBER: "permanent",
} as const satisfies Partial<Record<ErrorCode, SendFailure>>;

export type ChannelErrorCode = keyof typeof FAILURE_OF_CODE;

/**
 * Every failure a channel adapter reports. It is a `Failure`, so an API route that sends (a test
 * email from the settings page) maps it like any other coded error; `details` carries the provider's
 * answer (SMTP reply, HTTP status and body excerpt) for the activity log.
 */
export class ChannelError extends Failure {
  readonly failure: SendFailure;

  constructor(code: ChannelErrorCode, message: string, details?: unknown, cause?: unknown) {
    super(domainError(code, message, details === undefined ? {} : { details }));
    this.name = "ChannelError";
    this.failure = FAILURE_OF_CODE[code];
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * How the dispatcher should treat whatever a `send` threw. Anything that is not a ChannelError is a
 * bug or an unforeseen library error: retrying is bounded by the dispatcher's attempt limit, while
 * dead-lettering would lose a message that a fixed release could still send.
 */
export function classifySendFailure(error: unknown): SendFailure {
  return error instanceof ChannelError ? error.failure : "transient";
}
