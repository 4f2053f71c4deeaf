import { View, parse } from 'vega';
import { compile } from 'vega-lite';
import type { VegaLiteSpec } from './charts.js';

/**
 * Renders a Vega-Lite specification to an SVG string in Node or a browser,
 * without a DOM or a canvas: vega-lite compiles it to a Vega specification,
 * and a headless vega `View` (renderer `none`) writes the SVG. No network
 * request is made (the data are inline).
 *
 * @param spec - a Vega-Lite specification, e.g. from {@link chartSpecs}
 * @returns the SVG markup
 * @throws Error from vega-lite when the specification is invalid
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
  const vega = compile(spec as unknown as Parameters<typeof compile>[0]).spec;
  const view = new View(parse(vega), { renderer: 'none', logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
