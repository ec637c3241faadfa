import type { ApiModel } from '../../model/types.js';
import type { PackageInfo } from '../package/package-files.js';
import { indexDecls } from '../../model/decl-index.js';
import { docsIndexMarkdown, operationMarkdown } from './markdown.js';
import { emitHtmlDocs } from '../html/emit-html.js';

/** Every docs file of the package, `docs/`-prefixed: one page per operation and an index. */
export function emitDocs(model: ApiModel, pkg: PackageInfo): Map<string, string> {
  const index = indexDecls(model);
  const files = new Map<string, string>();
  files.set('docs/README.md', docsIndexMarkdown(model, pkg));
  for (const op of model.operations) files.set(`docs/${op.id}.md`, operationMarkdown(model, op, pkg, index));
  for (const [file, content] of emitHtmlDocs(model, pkg)) files.set(file, content);
  return files;
}
