import { View, parse } from 'vega';
import { compile } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import type { VegaLiteSpec } from './charts.js';
import { issue } from '../core/issue.js';
import { UppfoljningError } from '../core/error.js';
import { typeName } from '../core/args.js';

/** The error for a specification vega-lite or vega cannot render. */
const rejected = (): UppfoljningError => new UppfoljningError([issue(['spec'], 'format', { format: 'Vega-Lite' })]);

/**
 * Renders a Vega-Lite specification to an SVG string in Node or a browser,
 * without a DOM or a canvas: vega-lite compiles it to a Vega specification,
 * and a headless vega `View` (renderer `none`) writes the SVG. No network
 * request is made (the data are inline). Vega's expressions are run by
 * vega-interpreter instead of being compiled with `new Function`, so the
 * renderer also works under a Content-Security-Policy without
 * `'unsafe-eval'` (the offline workbench page has one).
 *
 * @param spec - a Vega-Lite specification, e.g. from {@link chartSpecs}
 * @returns the SVG markup
 * @throws UppfoljningError when the specification is not an object (`type`), cannot be copied, or vega-lite or vega rejects it (`format`); the spec itself is never changed
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
    // A deep copy: vega marks the data rows it is given (Symbol(vega_id)), which
    // would change the caller's spec and fails on a frozen one. Copying reads
    // every value once, so a getter that throws is caught here too.
    const copy = structuredClone(spec) as unknown as Parameters<typeof compile>[0];
    view = new View(parse(compile(copy).spec, undefined, { ast: true }), { renderer: 'none', logLevel: 0, expr: expressionInterpreter });
  } catch {
    // The spec could not be copied (a function, a throwing getter), or vega-lite or vega rejected it.
    throw rejected();
  }
  try {
    return await view.toSVG();
  } catch {
    throw rejected();
  } finally {
    view.finalize();
  }
}
