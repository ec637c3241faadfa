import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel, Decl, Operation } from '../../model/types.js';
import { TOOL_ROOT } from '../../tool-root.js';
import { descriptionMarkdown, firstSentence } from '../../text/descriptions.js';
import { markdownCell, markdownCode, markdownText } from '../../text/escape.js';
import type { PackageInfo } from '../package/package-files.js';
import { exampleParams } from '../../model/examples.js';
import { paramRows, type ParamRow } from './param-rows.js';
import { curlSnippet, typescriptSnippet } from './snippets.js';
import type { DocsData } from './docs-data.js';
import type { WebhooksDocs } from './webhooks-data.js';
import { webhooksPageData } from './webhooks-markdown.js';

/** What one run of the Markdown emitter holds: its templates, compiled once, and what the webhooks docs say. */
export interface MarkdownRun {
  model: ApiModel;
  pkg: PackageInfo;
  index: Map<string, Decl>;
  webhooks: WebhooksDocs;
  template(name: string): HandlebarsTemplateDelegate;
}

/**
 * Markdown templates: nothing is HTML-escaped by handlebars; every value is escaped for its place, by
 * a helper or (table rows) before. Each template is compiled the first time the run renders it.
 */
export function markdownRun(model: ApiModel, pkg: PackageInfo, { index, webhooks }: DocsData): MarkdownRun {
  const hbs = Handlebars.create();
  hbs.registerHelper('cell', (text: string) => markdownCell(text ?? ''));
  hbs.registerHelper('code', (text: string) => markdownCode(String(text ?? '')));
  hbs.registerHelper('text', (text: string) => markdownText(String(text ?? '')));
  hbs.registerHelper('link', (target: string) => encodeURIComponent(String(target ?? '')));
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  return {
    model,
    pkg,
    index,
    webhooks,
    template(name) {
      let compiled = templates.get(name);
      if (!compiled) {
        compiled = hbs.compile(fs.readFileSync(path.join(TOOL_ROOT, 'templates', 'docs', name), 'utf8'), { noEscape: true, strict: true });
        templates.set(name, compiled);
      }
      return compiled;
    },
  };
}


/** `docs/<docFile>.md` (the operationId as a safe file name): title, description, endpoint, parameters, returns, TypeScript and curl. */
export function operationMarkdown(run: MarkdownRun, op: Operation): string {
  const { model, pkg, index } = run;
  const example = exampleParams(op, index);
  return run.template('operation.md.hbs')({
    title: op.title,
    description: descriptionMarkdown(op.description),
    endpoint: `${op.method} ${op.path}`,
    id: op.id,
    sdkCall: `client.${op.names.call}`,
    flatCall: `stripe.${op.names.flat}`,
    pathParams: op.pathParams.map((p) => ({ name: p.name, description: descriptionMarkdown(p.description) })),
    rows: flatten(paramRows(model, op, index)),
    paramsIn: op.params?.in === 'query' ? 'Query parameters' : op.params?.encoding === 'multipart' ? 'Body parameters (multipart/form-data)' : 'Body parameters (form-encoded)',
    returns: returnsText(op, index),
    typescript: typescriptSnippet(op, pkg.name, example),
    curl: curlSnippet(op, op.server ?? model.serverUrl, example),
    events: run.webhooks.eventsByOperation.get(op) ?? [],
    objectName: op.response.type.kind === 'ref' ? (index.get(op.response.type.id)?.id ?? '') : '',
  });
}

/** `docs/webhooks.md`: verifying deliveries (Node, Express, fetch-style snippets) and every event type. */
export function webhooksMarkdown(run: MarkdownRun): string {
  return run.template('webhooks.md.hbs')(webhooksPageData(run.webhooks, run.pkg));
}

/**
 * One line of a parameter table, each cell escaped for Markdown here rather than by a template helper:
 * a whole-API run prints thousands of rows, and handlebars' per-call cost of a helper was most of their time.
 */
interface FlatRow {
  field: string;
  type: string;
  required: string;
  description: string;
}

/** The rows and their children, depth first, as the table lists them. */
function flatten(rows: ParamRow[], into: FlatRow[] = []): FlatRow[] {
  for (const row of rows) {
    const notes = [row.description];
    if (row.enumValues.length > 1 || (row.enumValues.length === 1 && !row.type.includes('object'))) notes.push(`One of: ${row.enumValues.map((v) => markdownCode(v)).join(', ')}.`);
    if (row.emptyable) notes.push('Pass `""` to unset.');
    if (row.deprecated) notes.push('**Deprecated.**');
    into.push({ field: markdownCode(row.field), type: markdownCell(row.type), required: row.required ? 'yes' : '', description: markdownCell(notes.filter(Boolean).join(' ')) });
    flatten(row.children, into);
  }
  return into;
}

function returnsText(op: Operation, index: Map<string, Decl>): string {
  const type = op.response.type;
  const decl = type.kind === 'ref' ? index.get(type.id) : undefined;
  const name = decl ? markdownCode(decl.id) : markdownCode('unknown');
  const about = decl ? firstSentence(descriptionMarkdown(decl.description)) : '';
  const shape = op.response.kind === 'list' ? `A list (\`ApiList\`) of ${name} objects, which the client pages through with \`for await\`.` : op.response.kind === 'search' ? `A page of search results of ${name}.` : `The ${name} object.`;
  return about ? `${shape} ${about}` : shape;
}

export function docsIndexMarkdown({ model, pkg, template }: MarkdownRun): string {
  return template('index.md.hbs')({
    name: pkg.name,
    apiVersion: model.apiVersion,
    operations: model.operations.map((op) => ({ file: op.names.docFile, title: op.title, endpoint: `${op.method} ${op.path}` })),
  });
}
