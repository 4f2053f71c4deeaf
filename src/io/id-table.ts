/**
 * The streaming import's table of client ids (issue 11 item 4): for each id
 * seen, the line it was first on, so that a second row of it is found and
 * the first named. A `Map<string, number>` costs about 60–70 bytes an id (a
 * string object and a hash-table entry); this table keeps each id exactly,
 * in an encoding that is one-to-one, as bytes in pages of 1 MB, and its end
 * and line in typed arrays:
 *
 * - an id is a prefix and the run of ASCII digits it ends in (`klient-000123`
 *   is `klient-` and `000123`); the first 255 prefixes of at most 32
 *   characters each get a number, and an id whose prefix has one is stored
 *   as that number (a byte) and its digits two to a byte (an odd count ends in
 *   the nibble 0xF): 4 bytes for `klient-000123`, 5 for `bench-4999999`.
 *   Any other id is stored as a 0 byte and its characters, one byte each.
 *   The prefix of a stored id always has a number when the table of prefixes
 *   was not full when it was stored, and that table only grows, so an id has
 *   one encoding for the whole import and two ids are equal exactly when
 *   their bytes are (no hash alone decides anything);
 * - entries come in blocks of 64: a block keeps where its bytes start and a
 *   base for its lines (4 bytes each), an entry where its bytes end (2 bytes,
 *   from the block's start) and its line as a step from the base (1 byte:
 *   the line less the entry's number, which never falls as the rows come in
 *   order); a line that does not fit, or a second `set` of an id, is kept in
 *   a Map beside it;
 * - the hash slots (4 bytes each, at a load of 3/8–3/4) hold entry numbers.
 *
 * About 15 bytes an id of the `bench-4999999` kind at 5,000,000 ids (the
 * slots included), where the earlier table took 27. An id with a character
 * above U+00FF outside an indexed prefix, or too long to encode in 255
 * bytes, is kept in a plain Map beside it. Nothing is ever dropped: `get`
 * answers exactly as a Map would (tests/io/id-table.test.ts checks it
 * against one).
 *
 * @module
 */

/** Entries per page of the typed arrays. */
const ENTRY_BITS = 16;
const ENTRY_PAGE = 1 << ENTRY_BITS;
/** Entries per block (a start of bytes and a base of lines each). */
const BLOCK_BITS = 6;
const BLOCK = 1 << BLOCK_BITS;
/** Bytes per page of encoded ids. */
const CHAR_BITS = 20;
const CHAR_PAGE = 1 << CHAR_BITS;
/** Prefixes that get a number (1–255; 0 marks an id stored character by character). */
const MAX_PREFIXES = 255;
const MAX_PREFIX_LENGTH = 32;
/** A line step that does not fit a byte: the line is in `otherLines`. */
const OTHER = 255;
/** What `encode` answers for an id kept in the Map beside the table, and for one that cannot be held. */
const WIDE = -1;
const ABSENT = -2;

/**
 * @internal The first line of each client id, kept compactly; what the
 * import's row functions ask of it is what a Map answers (`get`, `set`, `has`).
 */
export class IdLines {
  private slots = new Int32Array(1 << 12);
  /** Per page of entries: each entry's end, from its block's start. */
  private readonly ends: Uint16Array[] = [];
  /** Per page of entries: each entry's line less its number less its block's base, or OTHER. */
  private readonly steps: Uint8Array[] = [];
  /** Per page of entries: each block's start in the bytes. */
  private readonly starts: Int32Array[] = [];
  /** Per page of entries: each block's base of lines. */
  private readonly bases: Int32Array[] = [];
  private readonly bytes: Uint8Array[] = [];
  /** Where the next id's bytes go. */
  private end = 0;
  private count = 0;
  private readonly otherLines = new Map<number, number>();
  private readonly prefixes = new Map<string, number>();
  private lastPrefix = '';
  private lastPrefixNumber = 0;
  private readonly wide = new Map<string, number>();
  /** Whether `maxEntries` ids are in the table, so later ones are in `wide`. */
  private full = false;

  /** `maxEntries`: how many ids the slots can number (less only in tests, to reach what comes after). */
  constructor(private readonly maxEntries = MAX_ENTRIES) {}
  /** The id being looked up, encoded. */
  private readonly key = new Uint8Array(256);
  /** A stored id's bytes while the slots grow (`key` still holds the id being entered). */
  private readonly stored = new Uint8Array(256);

  /** How many ids are held. */
  get size(): number {
    return this.count + this.wide.size;
  }

  /** The line an id was first entered with, if it was. */
  get(id: string): number | undefined {
    const n = this.encode(id, false);
    if (n === ABSENT) return undefined;
    if (n === WIDE) return this.wide.get(id);
    const e = entryOf(this.slots[this.slotOf(n, hash(this.key, n))]!);
    return e >= 0 ? this.lineOf(e) : this.full ? this.wide.get(id) : undefined;
  }

  /** Whether an id was entered. */
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * The line an id was first entered with, or, for an id not entered yet,
   * undefined after entering it with `line`: `get` and then `set`, with one
   * encoding and one probe.
   */
  claim(id: string, line: number): number | undefined {
    const n = this.encode(id, true);
    const h = n === WIDE ? 0 : hash(this.key, n);
    const e = n === WIDE ? -1 : entryOf(this.slots[this.slotOf(n, h)]!);
    if (e >= 0) return this.lineOf(e);
    if (n === WIDE || this.full) {
      const seen = this.wide.get(id);
      if (seen === undefined) this.wide.set(flat(id), line);
      return seen;
    }
    this.enter(n, h, line);
    return undefined;
  }

  /** Enters an id with its line (a second `set` of the same id changes its line, as a Map's would). */
  set(id: string, line: number): this {
    const n = this.encode(id, true);
    const h = n === WIDE ? 0 : hash(this.key, n);
    const e = n === WIDE ? -1 : entryOf(this.slots[this.slotOf(n, h)]!);
    if (e >= 0) {
      if (this.lineOf(e) !== line) {
        this.steps[e >>> ENTRY_BITS]![e & (ENTRY_PAGE - 1)] = OTHER;
        this.otherLines.set(e, line);
      }
    } else if (n === WIDE || this.full) this.wide.set(flat(id), line);
    else this.enter(n, h, line);
    return this;
  }

  /** Stores the encoded id in `key` (not held yet, hash `h`) with its line; past `maxEntries`, later ids go to the Map beside. */
  private enter(n: number, h: number, line: number): void {
    if ((this.count + 1) * 4 > this.slots.length * 3) this.grow();
    const slot = this.slotOf(n, h);
    this.slots[slot] = slotValue(this.add(n, line), h);
    this.full = this.count >= Math.min(this.maxEntries, MAX_ENTRIES);
  }

  /**
   * The id encoded into `key`: its length in bytes, WIDE for an id kept in
   * the Map, or ABSENT for one whose prefix has no number though it could
   * have one (so no such id was stored). `register` gives a new prefix a
   * number while there is one left.
   */
  private encode(id: string, register: boolean): number {
    const n = id.length;
    let d = n;
    while (d > 0) {
      const c = id.charCodeAt(d - 1);
      if (c < 48 || c > 57) break;
      d--;
    }
    const digits = n - d;
    if (d <= MAX_PREFIX_LENGTH && digits <= 2 * 254) {
      let number = 0;
      if (this.lastPrefixNumber !== 0 && d === this.lastPrefix.length && id.startsWith(this.lastPrefix)) number = this.lastPrefixNumber;
      else {
        const prefix = flat(id.slice(0, d));
        number = this.prefixes.get(prefix) ?? 0;
        if (number === 0 && this.prefixes.size < MAX_PREFIXES) {
          if (!register) return ABSENT;
          number = this.prefixes.size + 1;
          this.prefixes.set(prefix, number);
        }
        if (number !== 0) {
          this.lastPrefix = prefix;
          this.lastPrefixNumber = number;
        }
      }
      if (number !== 0) {
        const key = this.key;
        key[0] = number;
        let k = 1;
        for (let i = d; i < n; i += 2) {
          const low = i + 1 < n ? id.charCodeAt(i + 1) - 48 : 0xf;
          key[k++] = ((id.charCodeAt(i) - 48) << 4) | low;
        }
        return k;
      }
    }
    if (n > 254) return WIDE;
    const key = this.key;
    key[0] = 0;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 0xff) return WIDE;
      key[i + 1] = c;
    }
    return n + 1;
  }

  /** The slot holding the encoded id in `key`, or the empty slot where it would go (linear probing). */
  private slotOf(n: number, h: number): number {
    const mask = this.slots.length - 1;
    const tag = h >>> TAG_SHIFT;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      // A slot whose tag differs holds another id: its bytes are not read (they are elsewhere in memory).
      if (v === 0 || (v >>> ENTRY_BITS_IN_SLOT === tag && this.equals(entryOf(v), n))) return s;
    }
  }

  /** Where entry e's bytes start. */
  private startOf(e: number): number {
    const page = e >>> ENTRY_BITS;
    const k = e & (ENTRY_PAGE - 1);
    const start = this.starts[page]![k >>> BLOCK_BITS]!;
    return (k & (BLOCK - 1)) === 0 ? start : start + this.ends[page]![k - 1]!;
  }

  /** Where entry e's bytes end. */
  private endOf(e: number): number {
    const page = e >>> ENTRY_BITS;
    const k = e & (ENTRY_PAGE - 1);
    return this.starts[page]![k >>> BLOCK_BITS]! + this.ends[page]![k]!;
  }

  private lineOf(e: number): number {
    const page = e >>> ENTRY_BITS;
    const k = e & (ENTRY_PAGE - 1);
    const step = this.steps[page]![k]!;
    return step === OTHER ? this.otherLines.get(e)! : this.bases[page]![k >>> BLOCK_BITS]! + e + step;
  }

  private equals(e: number, n: number): boolean {
    const start = this.startOf(e);
    if (this.endOf(e) - start !== n) return false;
    const key = this.key;
    const at = start & (CHAR_PAGE - 1);
    if (at + n <= CHAR_PAGE) {
      const bytes = this.bytes[start >>> CHAR_BITS]!;
      for (let i = 0; i < n; i++) if (bytes[at + i] !== key[i]) return false;
      return true;
    }
    for (let i = 0; i < n; i++) if (this.byteAt(start + i) !== key[i]) return false;
    return true;
  }

  private byteAt(p: number): number {
    return this.bytes[p >>> CHAR_BITS]![p & (CHAR_PAGE - 1)]!;
  }

  /** Stores the encoded id in `key` with its line and returns its entry. */
  private add(n: number, line: number): number {
    const e = this.count++;
    const page = e >>> ENTRY_BITS;
    const k = e & (ENTRY_PAGE - 1);
    if (k === 0) {
      this.ends.push(new Uint16Array(ENTRY_PAGE));
      this.steps.push(new Uint8Array(ENTRY_PAGE));
      this.starts.push(new Int32Array(ENTRY_PAGE >>> BLOCK_BITS));
      this.bases.push(new Int32Array(ENTRY_PAGE >>> BLOCK_BITS));
    }
    const block = k >>> BLOCK_BITS;
    if ((k & (BLOCK - 1)) === 0) {
      this.starts[page]![block] = this.end;
      this.bases[page]![block] = line - e;
    }
    // An id may run over into the next page of bytes; `equals` and `grow` read it across.
    for (let i = 0; i < n; i++) {
      const p = this.end + i;
      if ((p & (CHAR_PAGE - 1)) === 0 && p >>> CHAR_BITS === this.bytes.length) this.bytes.push(new Uint8Array(CHAR_PAGE));
      this.bytes[p >>> CHAR_BITS]![p & (CHAR_PAGE - 1)] = this.key[i]!;
    }
    this.end += n;
    this.ends[page]![k] = this.end - this.starts[page]![block]!;
    const step = line - e - this.bases[page]![block]!;
    if (step >= 0 && step < OTHER && (step | 0) === step) this.steps[page]![k] = step;
    else {
      this.steps[page]![k] = OTHER;
      this.otherLines.set(e, line);
    }
    return e;
  }

  /** Twice the slots, every entry placed again by the hash of its stored bytes. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      const start = this.startOf(e);
      const n = this.endOf(e) - start;
      for (let i = 0; i < n; i++) this.stored[i] = this.byteAt(start + i);
      const h = hash(this.stored, n);
      let s = h & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = slotValue(e, h);
    }
    this.slots = slots;
  }
}

/**
 * A hash slot's value: 0 when empty, else the entry's number + 1 in the low
 * 24 bits and 7 bits of the id's hash above them (its tag), so that a probe
 * past another id seldom reads that id's bytes.
 */
const ENTRY_BITS_IN_SLOT = 24;
const TAG_SHIFT = 32 - 7;
const MAX_ENTRIES = (1 << ENTRY_BITS_IN_SLOT) - 2;
const slotValue = (e: number, h: number): number => (e + 1) | ((h >>> TAG_SHIFT) << ENTRY_BITS_IN_SLOT);
const entryOf = (v: number): number => (v & ((1 << ENTRY_BITS_IN_SLOT) - 1)) - 1;

/** A flat copy of a string: a slice of a parsed text would keep the whole text alive as long as the table holds it. */
const flat = (s: string): string => (' ' + s).slice(1);

/** FNV-1a of an encoded id's bytes, mixed (murmur3's finalizer) so that the low bits the slots use vary. */
function hash(key: Uint8Array, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ key[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
