// Minified (and gzip) size of the entry points, bundled as an app would: run after `npm run build`:
//   node tests/e2e/bundle-size.mjs        (with dependencies)
//   EXT=1 node tests/e2e/bundle-size.mjs  (the library's own code only)
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
for (const [name, code] of [
  ['core (all exports)', "export * from './dist/index.js';"],
  ['core (parsePlan, validateRecord, compile, tabulate)', "export { parsePlan, validateRecord, compile, tabulate } from './dist/index.js';"],
  ['report (all exports, with vega + vega-lite)', "export * from './dist/report.js';"],
]) {
  const r = await build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', mainFields: ['module', 'main'], logLevel: 'silent', external: process.env.EXT ? ['zod', 'date-fns', 'simple-statistics', 'vega', 'vega-lite'] : [] });
  const bytes = r.outputFiles[0].contents;
  console.log(`${name}: ${(bytes.length / 1024).toFixed(0)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip`);
}
