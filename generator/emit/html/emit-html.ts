import type { ApiModel, Decl, Operation } from '../../model/types.js';
import { firstSentence } from '../../text/descriptions.js';
import { html } from '../../text/escape.js';
import { curlSnippet, typescriptSnippet } from '../docs/snippets.js';
import type { PackageInfo } from '../package/package-files.js';
import { indexDecls } from '../../model/decl-index.js';
import { modelDescriptions } from '../../model/descriptions.js';
import { descriptionHtml, descriptionText, prepareDescriptionHtml } from './description-html.js';
import { tryItSpec } from './form-spec.js';
import { renderTemplate } from './html-templates.js';
import { paramReference, responseFields } from './param-reference.js';

/**
 * The HTML docs, `docs/`-prefixed: `index.html` (search, deep links) and one `<operationId>.html`
 * per operation (reference and Try-it). Their stylesheet and page scripts, `docs/assets/`, are
 * `pageAssets()`. Static files that work from disk: no build step and no CDN when they are viewed.
 */
export function emitHtmlDocs(model: ApiModel, pkg: PackageInfo): Map<string, string> {
  const index = indexDecls(model);
  prepareDescriptionHtml(modelDescriptions(model));
  const files = new Map<string, string>();
  files.set('docs/index.html', indexPage(model, pkg));
  const returnsCache = new Map<string, string>();
  for (const op of model.operations) files.set(`docs/${pageFileName(op)}`, operationPage(model, op, pkg, index, returnsCache));
  return files;
}

/** The operation's page file: its id, kept to characters that are safe in a file name and a URL. */
export function pageFileName(op: Operation): string {
  return `${op.id.replace(/[^A-Za-z0-9_-]/g, '_')}.html`;
}

function indexPage(model: ApiModel, pkg: PackageInfo): string {
  const groups = model.resources.map((group) => {
    const title = [...group.namespace, group.className].join(' · ');
    return {
      title,
      anchor: `resource-${[...group.namespace, group.className].join('.')}`,
      operations: group.operations.map((op) => ({
        id: op.id,
        title: op.title,
        method: op.method,
        path: op.path,
        file: pageFileName(op),
        searchText: [op.title, op.id, op.method, op.path, op.names.flat, title].join(' ').toLowerCase(),
      })),
    };
  });
  return renderTemplate('index.hbs', {
    pageTitle: `${pkg.name} API reference`,
    packageName: pkg.name,
    apiTitle: model.title,
    apiVersion: model.apiVersion,
    operationCount: model.operations.length,
    groups,
  });
}

function operationPage(model: ApiModel, op: Operation, pkg: PackageInfo, index: Map<string, Decl>, returnsCache: Map<string, string>): string {
  const responseDecl = op.response.type.kind === 'ref' ? index.get(op.response.type.id) : undefined;
  const tryIt = tryItSpec(op, pkg.name, model.serverUrl, index);
  return renderTemplate('operation.hbs', {
    pageTitle: `${op.title} · ${pkg.name}`,
    packageName: pkg.name,
    title: op.title,
    method: op.method,
    path: op.path,
    id: op.id,
    flat: op.names.flat,
    sdkCall: `stripe.${[...op.names.namespaceProperty, op.names.resourceProperty, op.names.method].join('.')}`,
    deprecated: op.deprecated,
    descriptionHtml: descriptionHtml(op.description),
    pathParams: op.pathParams.map((p) => ({
      name: p.name,
      wire: p.name,
      anchor: `path-${p.name}`,
      type: 'string',
      required: true,
      enumValues: [],
      emptyable: false,
      deprecated: false,
      descriptionHtml: descriptionHtml(p.description),
      children: [],
    })),
    params: paramReference(op, index),
    paramsHeading: op.params?.in === 'query' ? 'Query parameters' : op.params?.encoding === 'multipart' ? 'Body parameters (multipart/form-data)' : 'Body parameters (form-encoded)',
    returnsSection: returnsSection(op, responseDecl, index, returnsCache),
    typescript: typescriptSnippet(op, pkg.name, {}),
    curl: curlSnippet(op, op.server ?? model.serverUrl, {}),
    tryIt,
  });
}

/**
 * The Returns section: what comes back, and the returned object's fields. It depends only on the
 * response's shape and type, which many operations share (a dozen return a Customer), so each is
 * rendered once per run.
 */
function returnsSection(op: Operation, decl: Decl | undefined, index: Map<string, Decl>, cache: Map<string, string>): string {
  const key = `${op.response.kind} ${decl?.id ?? ''}`;
  let section = cache.get(key);
  if (section === undefined) {
    section = renderTemplate('returns.hbs', {
      returnsHtml: returnsHtml(op, decl),
      responseName: decl?.schemaKey ?? decl?.id ?? '',
      responseFields: responseFields(op, index),
    });
    cache.set(key, section);
  }
  return section;
}

/** One sentence of HTML: the shape returned and what the object is. */
function returnsHtml(op: Operation, decl: Decl | undefined): string {
  // The package's type name, then the API's object name when it differs (`identity.verification_session`).
  const typeName = `<code>${html(decl?.id ?? 'unknown')}</code>`;
  const name = decl?.schemaKey && decl.schemaKey !== decl.id ? `${typeName} (<code>${html(decl.schemaKey)}</code>)` : typeName;
  const shape =
    op.response.kind === 'list'
      ? `A list (<code>ApiList</code>) of objects of type ${name}, which the client pages through with <code>for await</code>.`
      : op.response.kind === 'search'
        ? `A page of search results, objects of type ${name}.`
        : `An object of type ${name}.`;
  const about = decl ? firstSentence(descriptionText(decl.description)) : '';
  return about ? `${shape} ${html(about)}` : shape;
}
