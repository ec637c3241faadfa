import type { ApiModel } from '../../model/types.js';
import type { PackageInfo } from '../package/package-files.js';
import { indexDecls } from '../../model/decl-index.js';
import { docsIndexMarkdown, operationMarkdown, webhooksMarkdown } from './markdown.js';

/** The Markdown docs, `docs/`-prefixed: one page per operation, an index and a webhooks page. The HTML docs are `emitHtmlDocs`. */
export function emitMarkdownDocs(model: ApiModel, pkg: PackageInfo): Map<string, string> {
  const index = indexDecls(model);
  const files = new Map<string, string>();
  files.set('docs/README.md', docsIndexMarkdown(model, pkg));
  for (const op of model.operations) files.set(`docs/${op.names.docFile}.md`, operationMarkdown(model, op, pkg, index));
  files.set('docs/webhooks.md', webhooksMarkdown(model, pkg, index));
  return files;
}
