import { defineConfig } from 'tsup';

// Three entry points, so that a case system importing the six steps pulls in
// neither the chart library nor Node's file system:
// - `uppfoljning` (core): pure functions, platform-neutral, ESM and CJS.
// - `uppfoljning/report`: renderers and charts (vega, vega-lite), ESM only
//   because vega 6 is published as ESM only (a CJS build could not load it).
// - the `uppfoljning` command (bin): Node only, ESM.
export default defineConfig([
  {
    // ESM: core and report share code through chunks, so importing both
    // does not load the core twice.
    entry: { index: 'src/index.ts', report: 'src/report/index.ts' },
    format: ['esm'],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['vega', 'vega-lite', 'vega-interpreter'],
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    // The report command imports the renderers (and with them vega) dynamically:
    // a chunk of their own, so that every other command starts without them.
    splitting: true,
    sourcemap: true,
    treeshake: true,
    target: 'node20',
    platform: 'node',
  },
]);
