/**
 * Escaping for every name that comes from a user (scenario, strategy, SKU,
 * file) before it enters HTML, XML, Markdown or an inline script.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value for HTML and XML: & < > " ' become entities. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]);
}

/** XML 1.0 text or attribute: escaped as HTML, minus characters XML cannot hold. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD'));
}

/**
 * A Markdown table cell: & < > as entities (GitHub renders inline HTML), pipes and
 * backslashes escaped, Markdown emphasis and link characters neutralised, and
 * line breaks folded.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[&<>]/g, (c) => HTML[c])
    .replace(/\\/g, '\\\\')
    .replace(/([|*_`[\]~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the
 * line separators U+2028/2029 are written as \u escapes, so no string inside
 * can close the script element or start a comment.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JavaScript source (a library) for an inline `<script>`: `</script` cannot end it early. */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
