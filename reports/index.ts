/**
 * reports/ — renderers from results to text: the self-contained HTML
 * comparison report, and the regression gate's Markdown summary and JUnit
 * XML. Pure: the caller reads files (d3, results) and writes the output.
 * The optional results sections the report reads are defined in
 * extensions.ts.
 */
export { escapeHtml, escapeMarkdown, escapeXml, jsonForScript, scriptSafe } from './escape.js';
export {
  readExtensions, ReportInputError, type AblationRow, type AblationSection, type Extensions, type RefundByLag, type ShockWindow,
  type StockedByRank, type StressSection,
} from './extensions.js';
export { renderHtmlReport, type HtmlReportOptions } from './html.js';
export { renderGateJunit } from './junit.js';
export { renderGateMarkdown, type GateSummaryOptions } from './markdown.js';
export { buildModel, type HeadlineRow, type ReportModel, type StrategyView } from './report-model.js';
