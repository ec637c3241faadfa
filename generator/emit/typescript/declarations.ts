import type { CodeBlockWriter, ModuleDeclarationStructure, WriterFunction } from 'ts-morph';
import { ModuleDeclarationKind, StructureKind } from './ts-morph-values.js';
import { isIdentifierName } from '../../model/naming.js';
import type { Decl } from '../../model/types.js';
import { tsString } from '../../text/escape.js';
import { docs, jsDocBlock, MAX_LINE } from './jsdoc.js';
import type { ModuleScope } from './module-scope.js';
import { printType } from './type-expr.js';

/**
 * Interfaces and aliases are written through ts-morph's code writer, as its printer would write
 * their structures: the printer spends several times longer per member (a writer of its own for
 * every property's type), and the whole API has some 30,000 members. Namespaces stay structures.
 */
type DeclStatement = WriterFunction | ModuleDeclarationStructure;

/** How an emitter writes some aliases itself, shorter than their bodies: declaration id → type text. */
export type AliasTexts = ReadonlyMap<string, string>;

/** A declaration as an interface or alias, followed by a namespace of the same name for its nested ones. */
export function declStatements(decl: Decl, scope: ModuleScope, aliasTexts: AliasTexts = new Map()): DeclStatement[] {
  const out: DeclStatement[] = [];
  const [description] = docs(decl.description);
  // Types in the declaration are written from the namespace that holds it.
  const enclosing = scope.enclosingOf(decl);
  if (decl.body.kind === 'alias') {
    const { type: body } = decl.body;
    const type = aliasTexts.get(decl.id) ?? typeText(body, scope, enclosing);
    // A union too long for its line: one member a line, as a formatter would.
    const members = body.kind === 'union' && !aliasTexts.has(decl.id) ? body.members.map((m) => typeText(m, scope, enclosing)) : [];
    out.push((writer) => {
      writeDoc(writer, description);
      const head = `export type ${decl.name} =`;
      if (members.length > 1 && columnOf(writer) + head.length + type.length + 2 > MAX_LINE) {
        writer.write(head);
        writer.indent(() => members.forEach((m, i) => writer.write(`| ${m}${i === members.length - 1 ? ';' : ''}`).newLineIfLastNot()));
        return;
      }
      writer.write(`export type ${decl.name}`);
      writer.hangingIndent(() => writer.write(` = ${type}`));
      writer.write(';');
    });
  } else {
    const { additional } = decl.body;
    const members = decl.body.properties.map((p) => ({
      name: isIdentifierName(p.name) ? p.name : tsString(p.name),
      optional: p.optional,
      type: typeText(p.type, scope, enclosing),
      members: p.type.kind === 'union' ? p.type.members.map((m) => typeText(m, scope, enclosing)) : [],
      doc: docs(p.description, p.deprecated ? [{ tagName: 'deprecated' }] : [])[0],
    }));
    const indexType = additional ? indexSignatureType(typeText(additional, scope, enclosing), members) : undefined;
    out.push((writer) => {
      blankLineBefore(writer);
      writeDoc(writer, description);
      // An empty params type, as stripe-node writes one (`CouponDeleteParams {}`).
      if (members.length === 0 && indexType === undefined) return void writer.write(`export interface ${decl.name} {}`);
      writer.write(`export interface ${decl.name} `);
      writer.inlineBlock(() => {
        if (indexType !== undefined) {
          writer.write('[key: string]');
          writer.hangingIndent(() => writer.write(`: ${indexType}`));
          writer.write(';');
        }
        members.forEach((member, i) => {
          if (i > 0 || !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
          writeDoc(writer, member.doc);
          const head = member.optional ? `${member.name}?` : member.name;
          if (member.members.length > 1 && columnOf(writer) + head.length + member.type.length + 3 > MAX_LINE) {
            writer.write(`${head}:`);
            writer.indent(() => member.members.forEach((m, i) => writer.write(`| ${m}${i === member.members.length - 1 ? ';' : ''}`).newLineIfLastNot()));
            return;
          }
          writer.write(head);
          writer.hangingIndent(() => writer.write(`: ${member.type}`));
          writer.write(';');
        });
      });
    });
  }
  if (decl.children.length > 0) {
    out.push({
      kind: StructureKind.Module,
      name: decl.name,
      declarationKind: ModuleDeclarationKind.Namespace,
      isExported: true,
      statements: [...decl.children].sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((child) => declStatements(child, scope, aliasTexts)),
    });
  }
  return out;
}

/** An index signature must admit every named property's type (and `undefined` for an optional one). */
function indexSignatureType(additional: string, members: { optional: boolean; type: string }[]): string {
  const types = new Set([additional, ...members.map((m) => m.type)]);
  if (members.some((m) => m.optional)) types.add('undefined');
  return [...types].map((t) => (t.includes('=>') ? `(${t})` : t)).join(' | ');
}

/** As the printer sets an interface apart from what precedes it in its block. */
function blankLineBefore(writer: CodeBlockWriter): void {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
}

function writeDoc(writer: CodeBlockWriter, doc: string | undefined): void {
  if (doc) writer.write(jsDocBlock(doc, '', columnOf(writer))).newLine();
}

/** Where the writer's next line starts (its indentation, two spaces a level). */
function columnOf(writer: CodeBlockWriter): number {
  return writer.getIndentationLevel() * 2;
}

/** A type as written in the namespace of `enclosing` (at the module's top level without one). */
export function typeText(expr: Parameters<typeof printType>[0], scope: ModuleScope, enclosing?: Decl): string {
  return printType(expr, enclosing ? (id) => scope.refFrom(id, enclosing) : scope.ref, scope.useShared);
}
