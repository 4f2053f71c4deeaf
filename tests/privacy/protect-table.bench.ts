// Benchmark of protectTable: run with `npx tsx tests/privacy/protect-table.bench.ts`.
// Random tables with a share of small counts (seeded), several sizes; prints
// the median time per table and how many cells were suppressed.
import { protectTable, seededRandom } from '../../src/index.js';

const sizes: [number, number][] = [[3, 4], [5, 5], [10, 10], [20, 20], [40, 10]];
for (const smallShare of [0.1, 0.3]) {
  for (const [rows, cols] of sizes) {
    const random = seededRandom(`bench-${rows}x${cols}-${smallShare}`);
    const tables = Array.from({ length: 20 }, () =>
      Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (random() < smallShare ? Math.floor(random() * 5) : 5 + Math.floor(random() * 60))),
      ),
    );
    const times: number[] = [];
    let suppressed = 0;
    for (const cells of tables) {
      const t0 = performance.now();
      const t = protectTable({ cells });
      times.push(performance.now() - t0);
      suppressed += t.cells.flat().filter((c) => 'suppressed' in c).length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${rows}x${cols} small=${smallShare}: median ${median.toFixed(2)} ms, max ${times.at(-1)?.toFixed(2)} ms, ` +
        `inner cells suppressed ${(suppressed / tables.length / (rows * cols) * 100).toFixed(0)} %`,
    );
  }
}
