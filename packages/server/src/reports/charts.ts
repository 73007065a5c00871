/**
 * Charts drawn on the server by Vega-Lite (compiled to Vega, rendered headless to SVG, no
 * canvas and no browser). Vega is an ES module; the server is CommonJS, hence the import().
 */
import type { TopLevelSpec } from 'vega-lite';

const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const CONFIG = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 } };

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vl.compile({ ...spec, config: { ...CONFIG, ...spec.config } } as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Shares of a whole as a donut, each slice labelled with its text. */
export function donut(title: string, values: { label: string; value: number; text: string }[]): Promise<string> {
  return renderSvg({
    title,
    width: 260,
    height: 260,
    data: { values: values.map((v) => ({ ...v, legend: `${v.label} (${v.text})` })) },
    encoding: {
      theta: { field: 'value', type: 'quantitative', stack: true },
      color: { field: 'legend', type: 'nominal', sort: null, title: null, legend: { orient: 'right' } },
      order: { field: 'value', type: 'quantitative', sort: 'descending' },
    },
    layer: [{ mark: { type: 'arc', innerRadius: 60, outerRadius: 120, stroke: 'white' } }],
  } as TopLevelSpec);
}

/** Grouped bars: for each category, one bar per series. */
export function groupedBars(title: string, values: { category: string; series: string; value: number }[], axis: { category: string; value: string }): Promise<string> {
  return renderSvg({
    title,
    width: { step: 22 },
    height: 240,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'category', type: 'nominal', sort: null, title: axis.category, axis: { labelAngle: -30 } },
      xOffset: { field: 'series', type: 'nominal', sort: null },
      y: { field: 'value', type: 'quantitative', title: axis.value, axis: { format: 'd', tickMinStep: 1 } },
      color: { field: 'series', type: 'nominal', sort: null, title: null, legend: { orient: 'top' } },
    },
  } as TopLevelSpec);
}
