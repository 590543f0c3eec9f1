/** The report page's stylesheet: readable on a laptop screen, and in print. */
export const REPORT_CSS = `
:root { --ink: #1d2433; --muted: #5b6475; --rule: #d9dde5; --bg: #fff; --band: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 1.6rem; margin: 0 0 4px; overflow-wrap: anywhere; }
header p { margin: 0; color: var(--muted); }
nav { margin: 14px 0 8px; font-size: .9rem; display: flex; flex-wrap: wrap; gap: 2px 14px; }
nav a { color: #2b5d9b; text-decoration: none; white-space: nowrap; }
section { margin-top: 30px; break-inside: avoid-page; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin: 0 0 10px; }
h3 { font-size: 1rem; margin: 18px 0 6px; }
p.note { color: var(--muted); font-size: .88rem; margin: 6px 0; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .88rem; margin: 8px 0; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
thead th { white-space: normal; vertical-align: bottom; min-width: 4.5em; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
thead th { background: var(--band); font-weight: 600; }
tr.average td { font-weight: 600; border-top: 2px solid var(--rule); }
.table-wrap { overflow-x: auto; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.tag { font-size: .75rem; color: var(--muted); margin-left: 4px; }
figure.chart { margin: 12px 0 4px; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.plot { width: 100%; }
.plot svg { max-width: 100%; height: auto; display: block; font-size: 11px; }
.axis-label, .panel-title { font-size: 12px; fill: var(--ink); }
.panel-title { font-weight: 600; }
.shock-label { font-size: 11px; fill: #a0522d; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .85rem; margin-top: 4px; }
.legend-item { display: inline-flex; align-items: center; gap: 4px; }
.mark:hover { stroke: #000; stroke-width: 1.5; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
pre { background: var(--band); padding: 8px 10px; border-radius: 4px; overflow-x: auto; font-size: .82rem; }
code { font-size: .88em; }
button.download { font-size: .8rem; margin: 2px 0 8px; padding: 2px 8px; border: 1px solid var(--rule); background: var(--band); border-radius: 3px; cursor: pointer; }
.multiples { display: flex; flex-wrap: wrap; gap: 8px 20px; }
.multiples svg { font-size: 11px; }
details summary { cursor: pointer; margin: 8px 0; font-weight: 600; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav, button.download { display: none; }
  section { break-inside: auto; }
  figure.chart, table { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
