import { printStructure, StructureKind, type StatementStructures } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { declStatements } from '../../generator/emit/typescript/declarations.js';
import { ModuleScope } from '../../generator/emit/typescript/module-scope.js';
import type { Decl, Property, TypeExpr } from '../../generator/model/types.js';

const string: TypeExpr = { kind: 'primitive', name: 'string' };
const options = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

function property(name: string, type: TypeExpr, extra: Partial<Property> = {}): Property {
  return { name, type, optional: false, description: '', deprecated: false, pointer: '', ...extra };
}

function decl(id: string, body: Decl['body'], children: Decl[] = [], description = ''): Decl {
  return { id, name: id.split('.').pop()!, scope: [], rootId: 'Thing', body, description, pointer: '', children, module: 'types/Thing' };
}

// Every shape the printer meets: an index signature before properties, quoted and optional names,
// a deprecated field, one-line and multi-line doc comments, an empty interface, an alias, and
// declarations nested two namespaces deep.
const kind = decl('Thing.Kind', { kind: 'alias', type: { kind: 'union', members: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: "b'c" }] } }, [], 'The kind.');
const empty = decl('Thing.Nested.Empty', { kind: 'interface', properties: [] });
const onlyIndex = decl('Thing.Nested.OnlyIndex', { kind: 'interface', properties: [], additional: { kind: 'ref', id: 'Thing.Kind' } });
const nested = decl('Thing.Nested', { kind: 'interface', properties: [property('empty', { kind: 'ref', id: 'Thing.Nested.Empty' })] }, [onlyIndex, empty]);
const thing = decl(
  'Thing',
  {
    kind: 'interface',
    additional: { kind: 'array', items: string },
    properties: [
      property('id', string, { description: 'Unique identifier.' }),
      property('weird-name', { kind: 'null' }),
      property('old', { kind: 'ref', id: 'Thing.Kind' }, { optional: true, deprecated: true, description: 'Gone soon.\n\nUse `kind`.' }),
      property('nested', { kind: 'ref', id: 'Thing.Nested' }, { optional: true }),
    ],
  },
  [nested, kind],
  'A thing, described\nover two lines.',
);
const index = new Map([thing, nested, empty, onlyIndex, kind].map((d) => [d.id, d]));

// The same declarations as ts-morph structures, as the emitter wrote them before it used the writer.
const expected: StatementStructures[] = [
  {
    kind: StructureKind.Interface,
    name: 'Thing',
    isExported: true,
    docs: ['A thing, described\nover two lines.'],
    // The index signature admits every property's type (and undefined, for the optional ones): under strict it must.
    indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'Array<string> | string | null | Thing.Kind | Thing.Nested | undefined' }],
    properties: [
      { name: 'id', type: 'string', docs: ['Unique identifier.'] },
      { name: "'weird-name'", type: 'null' },
      { name: 'old', hasQuestionToken: true, type: 'Thing.Kind', docs: ['Gone soon.\n\nUse `kind`.\n@deprecated'] },
      { name: 'nested', hasQuestionToken: true, type: 'Thing.Nested' },
    ],
  },
  {
    kind: StructureKind.Module,
    name: 'Thing',
    isExported: true,
    statements: [
      { kind: StructureKind.TypeAlias, name: 'Kind', isExported: true, docs: ['The kind.'], type: "'a' | 'b\\'c'" },
      { kind: StructureKind.Interface, name: 'Nested', isExported: true, properties: [{ name: 'empty', type: 'Nested.Empty' }] },
      {
        kind: StructureKind.Module,
        name: 'Nested',
        isExported: true,
        statements: [
          { kind: StructureKind.Interface, name: 'Empty', isExported: true },
          { kind: StructureKind.Interface, name: 'OnlyIndex', isExported: true, indexSignatures: [{ keyName: 'key', keyType: 'string', returnType: 'Kind' }] },
        ],
      },
    ],
  },
];

describe('declarations written through the code writer', () => {
  it("print what ts-morph's structure printer prints for the same declarations", () => {
    const scope = new ModuleScope('types/Thing', index, [thing]);
    const printed = printStructure({ kind: StructureKind.SourceFile, statements: declStatements(thing, scope) }, options);
    // The same, but for an empty interface, written `{}` on its line as stripe-node writes its empty params types.
    const reference = printStructure({ kind: StructureKind.SourceFile, statements: expected }, options).replace(/(interface \w+) \{\n\s*\}/g, '$1 {}');
    expect(printed).toBe(reference);
    expect(printed).toContain('export interface Empty {}');
    expect(printed).toContain("export interface Thing {\n  [key: string]: Array<string> | string | null | Thing.Kind | Thing.Nested | undefined;\n  /** Unique identifier. */\n  id: string;\n  'weird-name': null;");
    expect(printed).toContain('  /**\n   * Gone soon.\n   *\n   * Use `kind`.\n   * @deprecated\n   */\n  old?: Thing.Kind;');
  });
});
