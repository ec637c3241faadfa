import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { exampleParams } from '../../model/examples.js';
import { tsLiteral } from '../docs/snippets.js';
import type { ApiModel, Operation } from '../../model/types.js';
import { SdkgenError } from '../../errors.js';
import { TOOL_ROOT } from '../../tool-root.js';
import { markdownCell, markdownCode, tsString } from '../../text/escape.js';
import { indexDecls } from '../../model/decl-index.js';
import { builtAsset } from '../built-assets.js';
import type { PackageInfo } from './package-info.js';
import type { RuntimeReadmeData } from './runtime-readme.js';

const TEMPLATE = path.join(TOOL_ROOT, 'templates', 'package', 'README.md.hbs');

let compiled: HandlebarsTemplateDelegate | undefined;

/**
 * The package's README.md. Handlebars escapes nothing here (Markdown is not HTML); every value is
 * already escaped for the place it lands, in `readmeData`, so the template pastes strings only.
 */
export function packageReadme(model: ApiModel, pkg: PackageInfo): string {
  compiled ??= Handlebars.create().compile(fs.readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  return compiled(readmeData(model, pkg));
}

/** npm's rule for package names; such a name is safe as is in Markdown text and in code blocks. */
const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export interface ReadmeData extends RuntimeReadmeData {
  /** The package name (checked against npm's rule), and as a TypeScript string literal. */
  name: string;
  nameLiteral: string;
  /** Inline code. */
  apiVersion: string;
  specSha256: string;
  version: string;
  example: { flatName: string; withCore: string; flat: string; sdk: string; variable: string } | undefined;
  hasLists: boolean;
  listExample: { flat: string } | undefined;
  resources: ReadmeResource[];
  operationCount: number;
}

export interface ReadmeResource {
  /** Inline code: `client.identity.verificationSessions`. */
  property: string;
  operations: Array<{ method: string; flat: string; http: string; title: string; doc: string }>;
}

export function readmeData(model: ApiModel, pkg: PackageInfo): ReadmeData {
  if (!NPM_NAME.test(pkg.name)) throw new SdkgenError(`'${pkg.name}' is not a valid npm package name`, { where: 'packageName' });
  const example = pickExample(model.operations);
  const list = model.operations.find((op) => op.response.kind === 'list');
  return {
    name: pkg.name,
    nameLiteral: tsString(pkg.name),
    apiVersion: markdownCode(model.apiVersion),
    specSha256: markdownCode(model.specSha256),
    version: inlineText(pkg.version),
    example: example && exampleCalls(model, example),
    hasLists: list !== undefined,
    listExample: list && list.pathParams.length === 0 ? { flat: list.names.flat } : undefined,
    resources: model.resources.map((group) => ({
      property: markdownCode(`client.${group.path}`),
      operations: group.operations.map((op) => ({
        method: markdownCode(`${op.names.method}(${argumentNames(op)})`),
        flat: markdownCode(`${op.names.flat}(${argumentNames(op)})`),
        http: markdownCode(`${op.method} ${op.path}`),
        title: inlineText(op.title || op.id),
        doc: `docs/${op.names.docFile}.md`,
      })),
    })),
    operationCount: model.operations.length,
    ...runtimeReadmeData(),
  };
}

/**
 * Untrusted text in a table cell or link label: shown as written, never read as a link, code span
 * or HTML (no code span can form, so the character references always render).
 */
export function inlineText(text: string): string {
  return markdownCell(text)
    .replace(/[[\]`]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The arguments of the generated function and method, as its signature names them. */
function argumentNames(op: Operation): string {
  const args = op.pathParams.map((p) => p.identifier);
  if (op.params) args.push(op.params.required ? 'params' : 'params?');
  args.push('options?');
  return args.join(', ');
}

/** The README's worked example: a create call if there is one (the most telling), else the first operation. */
function pickExample(operations: Operation[]): Operation | undefined {
  return operations.find((op) => op.names.method === 'create' && op.pathParams.length === 0) ?? operations[0];
}

/** The example call in both shapes, as TypeScript (values are escaped as literals by `tsLiteral`). */
function exampleCalls(model: ApiModel, op: Operation) {
  const params = exampleParams(op, indexDecls(model));
  const args = op.pathParams.map((p) => tsString(`${p.name}_id`));
  if (op.params && (op.params.required || Object.keys(params).length > 0)) args.push(tsLiteral(params, 0));
  const call = `(${args.join(', ')})`;
  const variable = op.response.kind === 'list' ? 'page' : op.names.exampleVariable;
  return {
    flatName: op.names.flat,
    withCore: `${op.names.flat}(${['core', ...args].join(', ')})`,
    flat: `${op.names.flat}${call}`,
    sdk: `${op.names.call}${call}`,
    variable,
  };
}

/** What the README takes from the runtime, as sdkgen's build read it from the runtime's sources (see `runtime-readme.ts`). */
export function runtimeReadmeData(): RuntimeReadmeData {
  runtimeDocs ??= JSON.parse(builtAsset('runtime-readme.json')) as RuntimeReadmeData;
  return runtimeDocs;
}

let runtimeDocs: RuntimeReadmeData | undefined;
