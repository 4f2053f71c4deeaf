import { View, parse } from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from './charts.js';
import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { typeName } from '../compile/tabulate.js';

/**
 * Renders a Vega-Lite specification to an SVG string in Node or a browser,
 * without a DOM or a canvas: vega-lite compiles it to a Vega specification,
 * and a headless vega `View` (renderer `none`) writes the SVG. No network
 * request is made (the data are inline).
 *
 * @param spec - a Vega-Lite specification, e.g. from {@link chartSpecs}
 * @returns the SVG markup
 * @throws UppfoljningError when the specification is not an object (`type`) or vega-lite or vega rejects it (`format`)
 *
 * @see https://vega.github.io/vega/usage/#node the headless View in Node
 *
 * @example
 * ```ts
 * (await renderSvg(chartSpecs(model)[0]!.spec)).startsWith('<svg');
 * // => true
 * ```
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new UppfoljningError([issue(['spec'], 'type', { expected: 'object', received: typeName(spec) })]);
  }
  let view: View;
  try {
    view = new View(parse(compile(spec as unknown as Parameters<typeof compile>[0]).spec), { renderer: 'none', logLevel: 0 });
  } catch {
    // vega-lite or vega rejected the specification.
    throw new UppfoljningError([issue(['spec'], 'format', { format: 'Vega-Lite' })]);
  }
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
