/**
 * @internal Small pieces of compile's record loop, shared by its folds
 * (compile.ts and the folds in this folder), each free of allocation, so that
 * reading and counting a record builds no array, closure or string.
 */

/** Adds to one counter. (A function, so the hot loop stays readable under noUncheckedIndexedAccess; V8 inlines it.) */
export function inc(array: number[], index: number, by: number): void {
  array[index] = array[index]! + by;
}

/** n, Σk and Σk² of one grid index, at a block's moments. */
export function moments(array: number[], at: number, k: number): void {
  inc(array, at, 1);
  inc(array, at + 1, k);
  inc(array, at + 2, k * k);
}

/**
 * Sets a few slots of a scratch array, as `array.fill(value, from, to)` does:
 * a loop V8 inlines, where `fill` is a call into a builtin that costs more
 * than filling the handful of slots a fold keeps per record.
 */
export function fillSlots(array: Int32Array | Int8Array, value: number, from = 0, to = array.length): void {
  for (let i = from; i < to; i++) array[i] = value;
}

/**
 * Whether a value has an own enumerable string key: `Object.keys(value).length > 0`
 * without building the array of keys.
 */
export function hasOwnKeys(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/**
 * Whether for-in over a value visits exactly the own enumerable keys a plain
 * record object has: its prototype is `Object.prototype` or null. Folds read
 * such objects in one for-in pass (V8 then reads each value through the
 * enum cache instead of a keyed lookup by a name that changes from one item
 * to the next) and anything else by name, as before.
 */
export function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether none of the names is a property of `Object.prototype`, which for-in does not visit but a read by name finds. */
export function noPrototypeNames(names: readonly string[]): boolean {
  return names.every((name) => !(name in Object.prototype));
}

/**
 * A code's index in a short list of codes. Plans have a handful of codes per
 * dimension, so a scan with `===` (a pointer comparison for the same string)
 * beats hashing; long lists fall back to a Map.
 */
export class Codes {
  private readonly list: readonly string[];
  private readonly map: Map<string, number> | undefined;
  constructor(codes: readonly string[]) {
    this.list = codes;
    this.map = codes.length > 8 ? new Map(codes.map((c, i) => [c, i])) : undefined;
  }
  /** The index, or −1 when the value is not one of the codes. */
  indexOf(value: unknown): number {
    if (this.map !== undefined) return typeof value === 'string' ? (this.map.get(value) ?? -1) : -1;
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i] === value) return i;
    return -1;
  }
}
