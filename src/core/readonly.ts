/**
 * A type with every property and array element read-only, all the way down
 * (the type only: nothing is frozen). Types inferred from a zod schema that
 * crosses JSON (a compilation's meta, a report model) are read through it, so
 * the schema stays the only definition and the type stays read-only.
 *
 * @internal
 */
export type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
