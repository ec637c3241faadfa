import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../support/project.js';

/**
 * What stripe@13.11.0 calls things, read from its own files: the method specs of its resources
 * (`stripeMethod({ method, fullPath })` in cjs/resources/**) and the declarations of its typings
 * (types/**\/*.d.ts). The naming test measures sdkgen's names against these.
 */

const STRIPE = path.join(ROOT, 'node_modules/stripe');

export interface StripeNodeMethod {
  /** The call path on the client: `identity.verificationSessions.create`. */
  call: string;
  /** `identity.verificationSessions`. */
  resource: string;
  method: string;
  httpMethod: string;
  fullPath: string;
  /** The qualified params type of the method, from the resource class's typings: `Identity.VerificationSessionCreateParams`. */
  paramsType?: string;
}

export interface StripeNodeObjectType {
  /** Qualified name under `Stripe.`: `Identity.VerificationSession`. */
  name: string;
  /** The `object` literal the type carries: `identity.verification_session`. */
  object: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A path with its parameter names blanked, since stripe-node names them differently at times (`{subscription_exposed_id}`). */
export const pathShape = (p: string) => p.replace(/\{[^}]*\}/g, '{}');

export function stripeNodeMethods(): StripeNodeMethod[] {
  const paramsTypes = resourceParamsTypes();
  const dir = path.join(STRIPE, 'cjs/resources');
  const out: StripeNodeMethod[] = [];
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js')).sort()) {
    const segments = file.replace(/\.js$/, '').split(path.sep);
    const resource = segments.map(lowerFirst).join('.');
    const qualified = segments.join('.');
    // Members of `StripeResource.extend({ ... })` start at four spaces; a hand-written member
    // (`accounts.retrieve`) may hold several method specs, one per path it serves.
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const members = [...source.matchAll(/^ {4}(\w+)(?:: |\()/gm)].map((m) => ({ name: m[1]!, at: m.index! }));
    for (const match of source.matchAll(/stripeMethod\(\{\s*method: '(\w+)',\s*fullPath: '([^']+)'/g)) {
      const [, httpMethod, fullPath] = match as unknown as [string, string, string];
      const method = members.filter((m) => m.at < match.index!).pop()?.name;
      if (!method) continue;
      out.push({ call: `${resource}.${method}`, resource, method, httpMethod, fullPath, paramsType: paramsTypes.get(`${qualified}.${method}`) });
    }
  }
  return out;
}

/** `Identity.VerificationSessions.create` → `Identity.VerificationSessionCreateParams`, from the `*Resource` classes. */
function resourceParamsTypes(): Map<string, string> {
  const out = new Map<string, string>();
  walkDeclarations((node, scope) => {
    if (!ts.isClassDeclaration(node) || !node.name?.text.endsWith('Resource')) return;
    const className = node.name.text.slice(0, -'Resource'.length);
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
      const params = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === 'params');
      if (!params?.type || !ts.isTypeReferenceNode(params.type)) continue;
      const key = [...scope, className, member.name.text].join('.');
      if (!out.has(key)) out.set(key, [...scope, params.type.typeName.getText()].join('.'));
    }
  });
  return out;
}

/** Every interface of the typings that carries an `object` literal: the API's object types. */
export function stripeNodeObjectTypes(): StripeNodeObjectType[] {
  const out: StripeNodeObjectType[] = [];
  walkDeclarations((node, scope) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.name || !ts.isIdentifier(member.name) || member.name.text !== 'object') continue;
      if (member.type && ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal)) {
        out.push({ name: [...scope, node.name.text].join('.'), object: member.type.literal.text });
      }
    }
  });
  return out;
}

/** Every root params interface (`*Params` directly in `Stripe` or one of its API namespaces). */
export function stripeNodeParamsTypes(): string[] {
  const out: string[] = [];
  walkDeclarations((node, scope) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith('Params')) out.push([...scope, node.name.text].join('.'));
  });
  return out;
}

let parsed: ts.SourceFile[] | undefined;

function declarationFiles(): ts.SourceFile[] {
  if (parsed) return parsed;
  const dir = path.join(STRIPE, 'types');
  parsed = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.d.ts'))
    .sort()
    .map((f) => ts.createSourceFile(f, fs.readFileSync(path.join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true));
  return parsed;
}

/**
 * Visits the declarations inside `declare module 'stripe' { namespace Stripe { ... } }` with the
 * namespaces between (`['Identity']`). Declarations nested in a type's own namespace
 * (`VerificationSessionCreateParams.Options`) are not visited: only API namespaces are, which start
 * with a capital and hold no same-named interface.
 */
function walkDeclarations(visit: (node: ts.Node, scope: string[]) => void): void {
  for (const file of declarationFiles()) {
    const walk = (statements: readonly ts.Statement[], scope: string[], inStripe: boolean) => {
      const interfaces = new Set(statements.filter(ts.isInterfaceDeclaration).map((s) => s.name.text));
      const classes = new Set(statements.filter(ts.isClassDeclaration).map((s) => s.name?.text));
      for (const statement of statements) {
        if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
          const name = statement.name.text;
          if (!inStripe) {
            walk(statement.body.statements, [], name === 'Stripe');
          } else if (!interfaces.has(name) && !classes.has(name) && !name.endsWith('Params')) {
            walk(statement.body.statements, [...scope, name], true);
          }
          continue;
        }
        if (inStripe) visit(statement, scope);
      }
    };
    walk(file.statements, [], false);
  }
}
