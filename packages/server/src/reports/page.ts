/** The printable page every report shares: a title, filters, tables, SVG charts, print CSS. */

import { currentLocale } from '../core/i18n';
import { escapeHtml } from '../core/text';
import { t } from './labels';

export const esc = escapeHtml;

export interface Table {
  id: string;
  caption: string;
  header: string[];
  /** Cells as written; the first is the row's label. */
  rows: string[][];
  /** Row indexes drawn as totals. */
  totals?: number[];
}

export function table(t: Table): string {
  const head = `<tr>${t.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r, i) => `<tr${t.totals?.includes(i) ? ' class="total"' : ''}>${r.map((c, j) => (j === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table id="${esc(t.id)}"><caption>${esc(t.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export function chart(id: string, svg: string): string {
  return `<figure class="chart" id="${esc(id)}">${svg}</figure>`;
}

export function page(p: { title: string; subtitle: string; csv: string; sections: string[]; notes?: string[] }): string {
  return `<!doctype html>
<html lang="${currentLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>
  body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1e1e1e; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; font-size: 14px; }
  h1 { font-size: 1.4rem; color: #000091; margin-bottom: .2rem; } h2 { font-size: 1.1rem; color: #000091; margin-top: 2rem; }
  .subtitle { color: #555; margin-top: 0; }
  table { border-collapse: collapse; margin: .8rem 0; width: 100%; } caption { text-align: left; font-weight: bold; margin-bottom: .3rem; }
  th, td { border: 1px solid #bbb; padding: .25rem .5rem; } td { text-align: right; font-variant-numeric: tabular-nums; }
  thead th { background: #e3e3fd; } tbody th { text-align: left; font-weight: normal; } tr.total th, tr.total td { font-weight: bold; background: #f3f3f3; }
  figure.chart { margin: 1rem 0; break-inside: avoid; } .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
  .note { color: #555; font-size: .9rem; } .actions { margin: 1rem 0; } @media print { .actions { display: none; } body { margin: 0; } h2 { break-before: auto; } table, figure { break-inside: avoid; } }
</style></head>
<body>
<h1>${esc(p.title)}</h1>
<p class="subtitle">${esc(p.subtitle)}</p>
<p class="actions"><a href="${esc(p.csv)}">${esc(t('REPORT.csvLink'))}</a> · ${esc(t('REPORT.printHint'))}</p>
${p.sections.join('\n')}
${(p.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
</body></html>`;
}
