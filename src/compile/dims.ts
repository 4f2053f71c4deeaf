import type { Label } from '../core/locale.js';
import type { CompilationMeta } from './meta.js';

/**
 * The dimensions of a compilation, in cell-major order: age band
 * (*åldersgrupp*), gender (*kön*), intervention (*insats*), unit (*enhet*, the
 * unit or municipality that ran the follow-up) and period (*period*, a year,
 * half-year or quarter of the start). Tables and subgroup comparisons break
 * down by any of them.
 *
 * @example
 * ```ts
 * DIMENSIONS;
 * // => ['ageBand', 'gender', 'intervention', 'unit', 'period']
 * ```
 */
export const DIMENSIONS = ['ageBand', 'gender', 'intervention', 'unit', 'period'] as const;

/**
 * A grouping dimension.
 *
 * @example
 * ```ts
 * const by: Dimension = 'gender';
 * ```
 */
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * @internal The unit of a compilation whose plan names none. Its code starts
 * with `_`, which no plan code can, so it never equals a named unit.
 */
export const UNNAMED_UNIT = Object.freeze({ code: '_unit', label: Object.freeze({ sv: 'Enheten', en: 'The unit' }) });

/**
 * @internal The one unit of compilations of several units merged with
 * `pool: true`.
 */
export const POOLED_UNIT = Object.freeze({ code: '_pooled', label: Object.freeze({ sv: 'Alla enheter', en: 'All units' }) });

type Dims = CompilationMeta['dims'];
type Coded = { readonly code: string; readonly label: Label };

/** @internal The categories of each dimension, in {@link DIMENSIONS} order. */
export function dimensionLists(dims: Dims): readonly (readonly Coded[])[] {
  return [dims.ageBands, dims.genders, dims.interventions, dims.units, dims.periods];
}

/** @internal How many categories a dimension has. */
export function dimensionLength(dims: Dims, d: Dimension): number {
  return dimensionLists(dims)[DIMENSIONS.indexOf(d)]!.length;
}

/** @internal The number of cells: the product of every dimension's length. */
export function cellCount(dims: Dims): number {
  return dimensionLists(dims).reduce((n, list) => n * list.length, 1);
}

/**
 * @internal A cell's index from one category index per dimension (in
 * {@link DIMENSIONS} order): `(((a × G + g) × I + i) × U + u) × P + p`. With
 * one unit and one period it is the index of age band × gender × intervention.
 */
export function cellIndex(dims: Dims, indices: readonly number[]): number {
  const lists = dimensionLists(dims);
  let cell = 0;
  for (let d = 0; d < lists.length; d++) cell = cell * lists[d]!.length + indices[d]!;
  return cell;
}

/** @internal The category index per dimension of a cell: the inverse of {@link cellIndex}. */
export function cellIndices(dims: Dims, cell: number): number[] {
  const lists = dimensionLists(dims);
  const out = new Array<number>(lists.length);
  for (let d = lists.length - 1; d >= 0; d--) {
    const n = lists[d]!.length;
    out[d] = cell % n;
    cell = Math.floor(cell / n);
  }
  return out;
}

/** @internal One group of cells: the codes and labels of the dimensions grouped by, and its cells in order. */
export interface CellGroup {
  readonly key: Partial<Record<Dimension, string>>;
  readonly labels: readonly Label[];
  readonly cells: readonly number[];
}

/**
 * @internal The cells grouped by some dimensions: one group per combination
 * of their categories, in the order the cells first meet them (cell-major:
 * age band slowest, period fastest), each with every cell that has those
 * categories. No dimensions: one group of all.
 */
export function groupCells(dims: Dims, by: readonly Dimension[]): CellGroup[] {
  const lists = dimensionLists(dims);
  const groups = new Map<string, { key: Partial<Record<Dimension, string>>; labels: Label[]; cells: number[] }>();
  const cells = cellCount(dims);
  for (let cell = 0; cell < cells; cell++) {
    const index = cellIndices(dims, cell);
    const key: Partial<Record<Dimension, string>> = {};
    const labels: Label[] = [];
    for (const d of by) {
      const dim = DIMENSIONS.indexOf(d);
      const category = lists[dim]![index[dim]!]!;
      key[d] = category.code;
      labels.push(category.label);
    }
    const id = JSON.stringify(by.map((d) => key[d]));
    const group = groups.get(id) ?? { key, labels, cells: [] };
    group.cells.push(cell);
    groups.set(id, group);
  }
  return [...groups.values()];
}
