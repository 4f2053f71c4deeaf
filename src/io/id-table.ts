/**
 * The streaming import's table of client ids (issue 11 item 4): for each id
 * seen, the line it was first on, so that a second row of it is found and
 * the first named. A `Map<string, number>` costs about 60–70 bytes an id (a
 * string object and a hash-table entry); this table keeps an id's characters
 * as bytes in pages of 1 MB and its start, length and line in typed arrays,
 * about 9 bytes plus the id's length plus its hash slot (4–8 bytes). An id
 * with a character above U+00FF, or longer than 255 characters, is kept in a
 * plain Map beside it. Nothing is ever dropped: `get` answers exactly as a
 * Map would (tests/io/id-table.test.ts checks it against one).
 *
 * @module
 */

/** Entries per page of the typed arrays (starts, lengths, lines). */
const ENTRY_BITS = 16;
const ENTRY_PAGE = 1 << ENTRY_BITS;
/** Bytes per page of characters. */
const CHAR_BITS = 20;
const CHAR_PAGE = 1 << CHAR_BITS;

/** FNV-1a of an id's characters, or -1 when one is above U+00FF or it is too long (then the id is not kept as bytes). */
function narrowHash(id: string): number {
  if (id.length > 255) return -1;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c > 0xff) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * @internal The first line of each client id, kept compactly; what the
 * import's row functions ask of it is what a Map answers (`get`, `set`, `has`).
 */
export class IdLines {
  private slots = new Int32Array(1 << 12);
  private readonly starts: Int32Array[] = [];
  private readonly lengths: Uint8Array[] = [];
  private readonly lines: Int32Array[] = [];
  private readonly chars: Uint8Array[] = [];
  private charAt = CHAR_PAGE;
  private count = 0;
  private readonly wide = new Map<string, number>();

  /** How many ids are held. */
  get size(): number {
    return this.count + this.wide.size;
  }

  /** The line an id was first entered with, if it was. */
  get(id: string): number | undefined {
    const h = narrowHash(id);
    if (h < 0) return this.wide.get(id);
    const e = this.slots[this.slotOf(id, h)]! - 1;
    return e < 0 ? undefined : this.lines[e >>> ENTRY_BITS]![e & (ENTRY_PAGE - 1)]!;
  }

  /** Whether an id was entered. */
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Enters an id with its line (a second `set` of the same id changes its line, as a Map's would). */
  set(id: string, line: number): this {
    const h = narrowHash(id);
    if (h < 0) {
      this.wide.set(id, line);
      return this;
    }
    let slot = this.slotOf(id, h);
    let e = this.slots[slot]! - 1;
    if (e < 0) {
      if ((this.count + 1) * 4 > this.slots.length * 3) {
        this.grow();
        slot = this.slotOf(id, h);
      }
      e = this.add(id);
      this.slots[slot] = e + 1;
    }
    this.lines[e >>> ENTRY_BITS]![e & (ENTRY_PAGE - 1)] = line;
    return this;
  }

  /** The slot holding an id, or the empty slot where it would go (linear probing). */
  private slotOf(id: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]! - 1;
      if (e < 0 || this.equals(e, id)) return s;
    }
  }

  private equals(e: number, id: string): boolean {
    const page = e >>> ENTRY_BITS;
    const k = e & (ENTRY_PAGE - 1);
    if (this.lengths[page]![k] !== id.length) return false;
    const start = this.starts[page]![k]!;
    const bytes = this.chars[start >>> CHAR_BITS]!;
    const at = start & (CHAR_PAGE - 1);
    for (let i = 0; i < id.length; i++) if (bytes[at + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** Stores a new id's characters and returns its entry. */
  private add(id: string): number {
    const e = this.count++;
    const page = e >>> ENTRY_BITS;
    const k = e & (ENTRY_PAGE - 1);
    if (k === 0) {
      this.starts.push(new Int32Array(ENTRY_PAGE));
      this.lengths.push(new Uint8Array(ENTRY_PAGE));
      this.lines.push(new Int32Array(ENTRY_PAGE));
    }
    // An id never straddles two pages of characters.
    if (this.charAt + id.length > CHAR_PAGE) {
      this.chars.push(new Uint8Array(CHAR_PAGE));
      this.charAt = 0;
    }
    const bytes = this.chars[this.chars.length - 1]!;
    for (let i = 0; i < id.length; i++) bytes[this.charAt + i] = id.charCodeAt(i);
    this.starts[page]![k] = ((this.chars.length - 1) << CHAR_BITS) | this.charAt;
    this.lengths[page]![k] = id.length;
    this.charAt += id.length;
    return e;
  }

  /** Twice the slots, every entry placed again by the hash of its stored characters. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      const page = e >>> ENTRY_BITS;
      const k = e & (ENTRY_PAGE - 1);
      const start = this.starts[page]![k]!;
      const bytes = this.chars[start >>> CHAR_BITS]!;
      const at = start & (CHAR_PAGE - 1);
      let h = 0x811c9dc5;
      for (let i = 0, n = this.lengths[page]![k]!; i < n; i++) h = Math.imul(h ^ bytes[at + i]!, 0x01000193);
      let s = (h >>> 0) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
  }
}
