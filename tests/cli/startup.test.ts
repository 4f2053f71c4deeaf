/**
 * What the command loads before it runs (issue 11 item 4): the chart library
 * (vega, vega-lite) and the report renderers are for `report` only, so the
 * bundle the `uppfoljning` bin is built as (esbuild, as tsup builds
 * dist/cli.js: ESM, split chunks) must reach them only through a dynamic
 * import. Every file a static import reaches from src/cli/bin.ts is read from
 * the build's metafile; the test names any that is heavy.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The inputs of every output chunk reached from the entry by static imports only. */
function staticInputs(meta: Metafile, entry: string): { inputs: string[]; dynamic: string[] } {
  const seen = new Set<string>();
  const dynamic: string[] = [];
  const walk = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of meta.outputs[out]!.imports) {
      if (i.external) continue;
      if (i.kind === 'dynamic-import') dynamic.push(i.path);
      else walk(i.path);
    }
  };
  walk(entry);
  return { inputs: [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs)), dynamic };
}

describe('the command starts without the chart library', () => {
  it('reaches vega, vega-lite and src/report only through the dynamic import of report', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'uppfoljning-startup-'));
    const { metafile } = await build({
      entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const entry = Object.keys(metafile.outputs).find((o) => o.endsWith('bin.js'))!;
    const { inputs, dynamic } = staticInputs(metafile, entry);
    const heavy = inputs.filter((i) => /node_modules\/(vega|vega-[a-z-]+|d3-[a-z-]+)\/|src\/report\//.test(i));
    expect(heavy).toEqual([]);
    // The renderers are still in the build, behind the import the report command makes.
    const behind = dynamic.flatMap((d) => staticInputs(metafile, d).inputs);
    expect(behind.some((i) => i.includes('node_modules/vega/'))).toBe(true);
    expect(behind.some((i) => i.includes('src/report/index.ts'))).toBe(true);
  }, 60_000);
});
