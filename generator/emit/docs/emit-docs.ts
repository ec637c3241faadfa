import type { ApiModel } from '../../model/types.js';
import type { PackageInfo } from '../package/package-files.js';
import { docsData, type DocsData } from './docs-data.js';
import { docsIndexMarkdown, markdownRun, operationMarkdown, webhooksMarkdown } from './markdown.js';

/** The Markdown docs, `docs/`-prefixed: one page per operation, an index and a webhooks page. The HTML docs are `emitHtmlDocs`. */
export function emitMarkdownDocs(model: ApiModel, pkg: PackageInfo, data: DocsData = docsData(model, pkg)): Map<string, string> {
  const run = markdownRun(model, pkg, data);
  const files = new Map<string, string>();
  files.set('docs/README.md', docsIndexMarkdown(run));
  for (const op of model.operations) files.set(`docs/${op.names.docFile}.md`, operationMarkdown(run, op));
  files.set('docs/webhooks.md', webhooksMarkdown(run));
  return files;
}
