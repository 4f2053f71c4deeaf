// Benchmark: the exact signed-rank (and rank-sum) distributions stay fast up to
// the n where `exact: 'auto'` switches to the normal approximation (n = 50).
// Run: npx tsx tests/bench/stats.bench.ts
// Prints time per call and the ratio to a baseline measured in the same run
// (the normal approximation on the same data), so the numbers compare across
// machines. Nothing here is asserted: timings are reported, not tested.
import { mannWhitneyU, wilcoxonSignedRank } from '../../src/stats/index.js';

function timePerCall(f: () => unknown, minMs = 200): number {
  for (let i = 0; i < 3; i++) f(); // warm up
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    f();
    calls++;
    elapsed = performance.now() - start;
  }
  return elapsed / calls;
}

// Deterministic data: a simple linear congruential generator.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const untied = (n: number) => Array.from({ length: n }, (_, i) => (rand() < 0.35 ? -1 : 1) * (i + 1 + rand() * 0.5));
const tied = (n: number) => Array.from({ length: n }, () => Math.round(rand() * 8) - 3);

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
console.log('Wilcoxon signed-rank: exact vs normal approximation (baseline), per call');
console.log('n\tdata\texact\tnormal\tratio');
for (const n of [10, 20, 30, 40, 49]) {
  for (const [label, data] of [
    ['untied', untied(n)],
    ['tied', tied(n)],
  ] as const) {
    const exact = timePerCall(() => wilcoxonSignedRank(data, { exact: true }));
    const normal = timePerCall(() => wilcoxonSignedRank(data, { exact: false }));
    console.log(`${n}\t${label}\t${fmt(exact)}\t${fmt(normal)}\t${(exact / normal).toFixed(1)}×`);
  }
}
console.log('\nMann–Whitney U: exact vs normal approximation (baseline), per call');
console.log('n1+n2\tdata\texact\tnormal\tratio');
for (const m of [10, 20, 30, 40, 49]) {
  for (const [label, x, y] of [
    ['untied', untied(m).map(Math.abs), untied(m).map((v) => Math.abs(v) + 3)],
    ['tied', tied(m), tied(m).map((v) => v + 1)],
  ] as const) {
    const exact = timePerCall(() => mannWhitneyU(x, y, { exact: true }));
    const normal = timePerCall(() => mannWhitneyU(x, y, { exact: false }));
    console.log(`${m}+${m}\t${label}\t${fmt(exact)}\t${fmt(normal)}\t${(exact / normal).toFixed(1)}×`);
  }
}
