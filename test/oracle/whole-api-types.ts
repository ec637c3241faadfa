import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { ApiModel } from '../../generator/model/types.js';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { ROOT } from '../support/project.js';
import { compareTypes, type TypeDifference } from './compare-types.js';
import { stripeNodeObjectTypes, stripeNodeParamsTypes } from './stripe-node-names.js';

export interface ComparedType {
  name: string;
  kind: 'params' | 'object';
  fields: number;
  differences: TypeDifference[];
}

/**
 * Every params type and object type that our whole-API package and stripe@13.11.0's typings both
 * declare under the same qualified name (`Identity.VerificationSessionCreateParams`).
 */
export function matchedTypeNames(model: ApiModel): { name: string; kind: 'params' | 'object' }[] {
  const ours = new Map<string, 'params' | 'object'>();
  for (const op of model.operations) if (op.params) ours.set(op.params.decl.id, 'params');
  for (const decl of model.declarations) if (decl.schemaKey) ours.set(decl.id, 'object');
  const theirs = new Set([...stripeNodeParamsTypes(), ...stripeNodeObjectTypes().map((t) => t.name)]);
  return [...ours].filter(([name]) => theirs.has(name)).map(([name, kind]) => ({ name, kind })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Compares each matched pair field by field in one TypeScript program: a file beside the generated
 * package names each pair as a tuple `[Ours.X, Stripe.X]`, and the checker walks both.
 */
export function compareWholeApi(packageDir: string, matched: { name: string; kind: 'params' | 'object' }[]): { compared: ComparedType[]; diagnostics: string[] } {
  const fixture = path.join(packageDir, 'oracle-pairs.ts');
  const lines = [
    "import type Stripe from 'stripe';",
    "import type * as Ours from './src/index.js';",
    ...matched.map((m, i) => `export type T${i} = [Ours.${m.name}, Stripe.${m.name}];`),
  ];
  fs.writeFileSync(fixture, `${lines.join('\n')}\n`);
  const options = strictCompilerOptions({
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    skipLibCheck: true,
    noEmit: true,
  });
  // stripe's typings declare the ambient module 'stripe'; naming them as a root file makes the import resolve.
  const program = ts.createProgram([fixture, path.join(ROOT, 'node_modules/stripe/types/index.d.ts')], options);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(fixture)!;
  const diagnostics = ts.getPreEmitDiagnostics(program, file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const compared: ComparedType[] = [];
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const entry = matched[Number(statement.name.text.slice(1))]!;
    const tuple = checker.getTypeAtLocation(statement.name) as ts.TypeReference;
    const [ours, theirs] = checker.getTypeArguments(tuple);
    const stats = { fields: 0 };
    const differences = compareTypes(checker, ours!, theirs!, entry.name, stats, { intoResources: false });
    compared.push({ ...entry, fields: stats.fields, differences });
  }
  return { compared, diagnostics };
}
