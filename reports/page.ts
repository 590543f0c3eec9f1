/**
 * The frame every HTML page of freshsim shares (the run report and the
 * comparison): head with the stylesheet, the page's content in `<main>`, its
 * scripts, and last the download script, so both pages stay one offline file.
 */
import { escapeHtml as h, scriptSafe } from './escape.js';
import { REPORT_CSS } from './html-style.js';
import { PAGE_SCRIPT } from './page-script.js';

/** A whole HTML page titled `title`: `main` inside `<main>`, then the `scripts` (whole `<script>` elements), then the download script. */
export function htmlPage(title: string, main: string, scripts: readonly string[] = []): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${main}
</main>
${[...scripts, `<script>${scriptSafe(PAGE_SCRIPT)}</script>`].join('\n')}
</body>
</html>
`;
}
