import type { AgeBand } from './plan.js';

/** The index of the band an age falls in, or -1. */
export function ageBandIndex(bands: readonly AgeBand[], age: number): number {
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (age >= band.from && (band.to === undefined || age <= band.to)) return i;
  }
  return -1;
}

/** Bands as people write them: `18–24`, `65+`. */
export function bandLabel(band: AgeBand): string {
  return band.to === undefined ? `${band.from}+` : `${band.from}–${band.to}`;
}

/** All bands' labels. */
export function bandLabels(bands: readonly AgeBand[]): string[] {
  return bands.map(bandLabel);
}

/** A lookup table age → band index for ages 0–130 (−1 outside every band). */
export function ageBandTable(bands: readonly AgeBand[]): Int16Array {
  const table = new Int16Array(131);
  for (let age = 0; age <= 130; age++) table[age] = ageBandIndex(bands, age);
  return table;
}
