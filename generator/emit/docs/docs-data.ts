import { indexDecls } from '../../model/decl-index.js';
import type { ApiModel, Decl } from '../../model/types.js';
import type { PackageInfo } from '../package/package-files.js';
import { webhooksDocs, type WebhooksDocs } from './webhooks-data.js';

/**
 * What the Markdown and the HTML docs both read besides the model: the declarations by id, and what
 * the webhooks pages and each operation's events list say. A run works it out once for both.
 */
export interface DocsData {
  index: Map<string, Decl>;
  webhooks: WebhooksDocs;
}

export function docsData(model: ApiModel, pkg: PackageInfo): DocsData {
  const index = indexDecls(model);
  return { index, webhooks: webhooksDocs(model, pkg, index) };
}
