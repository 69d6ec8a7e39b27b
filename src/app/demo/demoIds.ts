import { mix32 } from "./prng.js";

const MS_PER_DAY = 86_400_000;
// a fixed time of day (09:00 UTC) for every id of a date: the date is what the time field carries
const NINE_AM = 9 * 3_600_000;

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, "0");
// four hex digits for every 16-bit value: an id's tail is three lookups, not six temporary strings
const HEX4 = Array.from({ length: 0x10000 }, (_, i) => hex(i, 4));

/**
 * Deterministic UUIDv7-shaped ids for a generated book. The 48-bit time field is the record's own
 * date (so ids sort roughly by business date, as ids minted at the time would have), the version and
 * variant bits are those of v7, and the random bits hold a per-book salt and a running sequence
 * number, which makes every id of one book unique and the same for the same seed. Millions are made
 * per book, so the date part is formatted once per day.
 */
export class DemoIds {
  private sequence = 0;
  private readonly middle: string;
  private readonly prefixes = new Map<number, string>();

  constructor(seed: number) {
    const salt = mix32(seed, 0x1d5);
    this.middle = `-7${hex(salt >>> 20, 3)}-${hex(0x8000 | (salt & 0x3fff), 4)}-`;
  }

  next(dayNumber: number): string {
    let prefix = this.prefixes.get(dayNumber);
    if (prefix === undefined) {
      const time = hex(dayNumber * MS_PER_DAY + NINE_AM, 12);
      prefix = `${time.slice(0, 8)}-${time.slice(8)}${this.middle}`;
      this.prefixes.set(dayNumber, prefix);
    }
    // 48 bits of sequence: unique within the book
    const n = ++this.sequence;
    return prefix + HEX4[Math.floor(n / 0x1_0000_0000) & 0xffff]! + HEX4[(n >>> 16) & 0xffff]! + HEX4[n & 0xffff]!;
  }
}
