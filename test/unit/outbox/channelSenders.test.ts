import { describe, expect, it } from "vitest";
import { ChannelError, classifySendFailure } from "../../../src/channels/channelError.js";
import type { EmailSender } from "../../../src/channels/email/outgoingEmail.js";
import { createChannelSenders } from "../../../src/app/outbox/channelSenders.js";

function recordingFactory() {
  const made: { host: string; closed: boolean }[] = [];
  const email = (settings: unknown): EmailSender => {
    const entry = { host: (settings as { host: string }).host, closed: false };
    made.push(entry);
    return { send: async () => ({ providerMessageId: "id", accepted: [], rejected: [] }), close: async () => void (entry.closed = true) };
  };
  return { made, email };
}

const smtp = (host: string) => ({ host, port: 25, from: "ar@acme.example" });

describe("channel senders", () => {
  it("makes one sender per tenant and keeps it while the settings stay the same", async () => {
    const factory = recordingFactory();
    const senders = createChannelSenders({ email: factory.email });
    const first = senders.email("t1", smtp("a.example"));
    expect(senders.email("t1", smtp("a.example"))).toBe(first);
    senders.email("t2", smtp("a.example"));
    expect(factory.made).toHaveLength(2);
    await senders.close();
    expect(factory.made.every((m) => m.closed)).toBe(true);
  });

  it("replaces and closes a tenant's sender when its settings change", async () => {
    const factory = recordingFactory();
    const senders = createChannelSenders({ email: factory.email });
    senders.email("t1", smtp("a.example"));
    senders.email("t1", smtp("b.example"));
    await senders.close();
    expect(factory.made.map((m) => m.host)).toEqual(["a.example", "b.example"]);
    expect(factory.made.every((m) => m.closed)).toBe(true);
  });

  it("reports a tenant without settings as a misconfigured channel, worth retrying once fixed", () => {
    const senders = createChannelSenders();
    const error = (() => {
      try {
        senders.sms("t1", null);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).error.code).toBe("CHANNEL_MISCONFIGURED");
    expect(classifySendFailure(error)).toBe("transient");
  });
});
