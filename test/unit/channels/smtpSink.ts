import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress, type SMTPServerAuthentication } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP reply the sink gives instead of accepting, e.g. { code: 421, text: "try later" }. */
export interface SinkRefusal {
  code: number;
  text: string;
}

export interface SinkOptions {
  refuseMailFrom?: SinkRefusal;
  refuseRecipient?: (address: string) => SinkRefusal | undefined;
  refuseData?: SinkRefusal;
  /** Largest message accepted, advertised with the SIZE extension and enforced after DATA. */
  size?: number;
  /** When set, AUTH is required with exactly these credentials. */
  credentials?: { user: string; password: string };
}

const refusal = (reply: SinkRefusal) => Object.assign(new Error(reply.text), { responseCode: reply.code });

/** A local SMTP server on a free port that keeps every message it accepts. */
export async function startSmtpSink(options: SinkOptions = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    size: options.size,
    disabledCommands: options.credentials ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    onAuth(auth: SMTPServerAuthentication, _session, callback) {
      const ok = auth.username === options.credentials?.user && auth.password === options.credentials?.password;
      callback(ok ? null : refusal({ code: 535, text: "authentication failed" }), ok ? { user: auth.username } : undefined);
    },
    onMailFrom(_address: SMTPServerAddress, _session, callback) {
      callback(options.refuseMailFrom ? refusal(options.refuseMailFrom) : null);
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const refused = options.refuseRecipient?.(address.address);
      callback(refused ? refusal(refused) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.refuseData) return callback(refusal(options.refuseData));
        // as Postfix does: the SIZE limit is enforced after DATA with 552
        if (stream.sizeExceeded) return callback(refusal({ code: 552, text: "message exceeds fixed maximum message size" }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The value of a header of a raw message (unfolded), or undefined. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
