import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph-values.js';
import type { ApiModel, Decl } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import { ModuleScope } from './module-scope.js';
import { MAX_LINE } from './jsdoc.js';

export interface PackageIdentity {
  name: string;
  version: string;
}

interface NamespaceNode {
  resources: { property: string; className: string }[];
  children: Map<string, NamespaceNode>;
}

/**
 * `src/client.ts`: the client class with both call shapes: namespaced resources
 * (`client.identity.verificationSessions.create`) and flat operation methods
 * (`client.postIdentityVerificationSessions`).
 */
export function clientFileStatements(model: ApiModel, pkg: PackageIdentity, index: Map<string, Decl>): (string | StatementStructures)[] {
  const scope = new ModuleScope('client', index, []);
  scope.reserve('StripeClient');
  // The flat methods are the operation functions, installed from the module that exports them all.
  const operations = scope.importNamespace('operations', 'operations', false);
  const ClientCore = scope.importFrom('runtime/core', 'ClientCore', false);
  const ClientConfig = scope.importFrom('runtime/core', 'ClientConfig', true);
  const defaultTransport = scope.importFrom('runtime/core', 'defaultTransport', false);
  const tree: NamespaceNode = { resources: [], children: new Map() };
  for (const group of model.resources) {
    let node = tree;
    for (const property of group.namespaceProperty) {
      let child = node.children.get(property);
      if (!child) node.children.set(property, (child = { resources: [], children: new Map() }));
      node = child;
    }
    node.resources.push({ property: group.property, className: scope.importFrom(group.module, group.className, false) });
  }
  const properties = [
    ...tree.resources.map((r) => ({ name: r.property, type: r.className, init: `new ${r.className}(this)` })),
    ...[...tree.children.entries()].map(([name, node]) => {
      const [type, init] = [objectType(node, false), objectInit(node, false)];
      // A namespace with many resources: its type and value one entry a line, as a formatter would.
      const fits = `  readonly ${name}: ${type} = ${init};`.length <= MAX_LINE;
      return { name, type: fits ? type : objectType(node, true), init: fits ? init : objectInit(node, true) };
    }),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const clientBase = scope.importFrom('runtime/operation-methods', 'clientBase', false);
  const webhooks = scope.importFrom('webhooks', 'webhooks', false);
  const Webhooks = scope.importFrom('runtime/webhooks', 'Webhooks', true);
  const Event = scope.importFrom('webhooks', 'Event', true);
  const statements: (string | StatementStructures)[] = [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: 'The Stripe API version this package was generated for; sent as `Stripe-Version`.' }],
      declarations: [{ name: 'API_VERSION', initializer: tsString(model.apiVersion) }],
    },
    {
      kind: StructureKind.Class,
      name: 'StripeClient',
      isExported: true,
      // Pure: a bundle that calls operation functions over `createCore` drops the client.
      extends: `/* @__PURE__ */ ${clientBase}(${operations})`,
      docs: [{ description: 'A client for the Stripe API. Configuration is read when the first request is made; on Node the\ntransport is `node:http` (see `defaultTransport`) unless the config passes its own `fetch`.' }],
      properties: [
        { name: '#core', type: `${ClientCore} | undefined` },
        { name: '#config', type: `() => ${ClientConfig}`, isReadonly: true },
        ...properties.map((p) => ({ name: p.name, type: p.type, isReadonly: true, initializer: p.init })),

      ],
      ctors: [
        {
          parameters: [{ name: 'config', type: `${ClientConfig} | (() => ${ClientConfig})`, initializer: '{}' }],
          statements: ['super();', `this.#config = typeof config === 'function' ? config : () => config;`],
        },
      ],
      getAccessors: [
        {
          name: 'core',
          docs: [{ description: 'The transport every call goes through: auth, retries, timeouts, encoding.' }],
          returnType: ClientCore,
          statements: [
            'this.#core ??= createCore(this.#config());',
            'return this.#core;',
          ],
        },
        {
          name: 'webhooks',
          docs: [{ description: 'Webhook signature verification, as `stripe.webhooks.constructEvent(rawBody, header, secret)`;\nthe same as the `webhooks` export.' }],
          returnType: `${Webhooks}<${Event}>`,
          statements: [`return ${webhooks};`],
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'createCore',
      isExported: true,
      docs: [
        {
          description:
            `The transport alone, for calling operation functions directly:\n\`${model.operations[0]?.names.flat ?? 'operation'}(createCore(config), ...)\`.\nA bundle of one such call holds neither the client class nor the other operations.`,
        },
      ],
      parameters: [{ name: 'config', type: ClientConfig, initializer: '{}' }],
      returnType: ClientCore,
      statements: [
        `return new ${ClientCore}(\n  { ...config, fetch: config.fetch ?? ${defaultTransport}() },\n  { apiVersion: API_VERSION, packageName: ${tsString(pkg.name)}, packageVersion: ${tsString(pkg.version)} },\n);`,
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'createClient',
      isExported: true,
      docs: [{ description: 'A client with its own configuration: `createClient({ apiKey, baseUrl })`.' }],
      parameters: [{ name: 'config', type: ClientConfig, hasQuestionToken: true }],
      returnType: 'StripeClient',
      statements: ['return new StripeClient(config ?? {});'],
    },
  ];
  return [...scope.imports(), ...statements];
}

function objectType(node: NamespaceNode, multiline: boolean): string {
  const entries = [
    ...node.resources.map((r) => `readonly ${r.property}: ${r.className}`),
    ...[...node.children.entries()].map(([name, child]) => `readonly ${name}: ${objectType(child, multiline)}`),
  ].sort();
  return multiline ? `{\n${indented(entries, ';')}\n}` : `{ ${entries.join('; ')} }`;
}

function objectInit(node: NamespaceNode, multiline: boolean): string {
  const entries = [
    ...node.resources.map((r) => `${r.property}: new ${r.className}(this)`),
    ...[...node.children.entries()].map(([name, child]) => `${name}: ${objectInit(child, multiline)}`),
  ].sort();
  return multiline ? `{\n${indented(entries, ',')}\n}` : `{ ${entries.join(', ')} }`;
}

/** Entries one a line, two spaces in (the printer indents the whole to where it lands). */
function indented(entries: string[], separator: string): string {
  return entries.map((entry) => `  ${entry.replace(/\n/g, '\n  ')}${separator}`).join('\n');
}
