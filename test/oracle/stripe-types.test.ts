import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { ROOT } from '../support/project.js';
import { compareTypes, type TypeDifference } from './compare-types.js';

/**
 * Deliberate differences from stripe@13.11.0, each listed in the README with why.
 * Anything else that differs fails the test.
 */
const DELIBERATE: { path: RegExp; ours: RegExp; theirs: string; why: string }[] = [
  {
    path: /^(Create|List|Retrieve|Update|Cancel|Redact)\.expand\[\]$/,
    ours: /^"(data\.)?last_verification_report"$/,
    theirs: 'string',
    why: 'typed expansions: expand takes only the paths the spec marks expandable, and the result narrows',
  },
];

const isDeliberate = (d: TypeDifference) => DELIBERATE.some((a) => a.path.test(d.path) && a.ours.test(d.ours) && d.theirs === a.theirs);

function program() {
  const fixture = path.join(ROOT, 'test/oracle/oracle-fixture.ts');
  const options = strictCompilerOptions({ lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'], skipLibCheck: true, noEmit: true });
  const prog = ts.createProgram([fixture], options);
  return { prog, file: prog.getSourceFile(fixture)! };
}

describe('generated types against stripe@13.11.0 (the oracle)', () => {
  const { prog, file } = program();
  const checker = prog.getTypeChecker();
  const pairs = new Map<string, [ts.Type, ts.Type]>();
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const tuple = checker.getTypeAtLocation(statement.name) as ts.TypeReference;
    const [ours, theirs] = checker.getTypeArguments(tuple);
    pairs.set(statement.name.text, [ours!, theirs!]);
  }

  it('compiles: both sides of every pair resolve', () => {
    const diagnostics = ts.getPreEmitDiagnostics(prog).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect([...pairs.keys()]).toEqual(['Create', 'List', 'Retrieve', 'Update', 'Cancel', 'Redact', 'Session', 'Report']);
  });

  for (const [name, [ours, theirs]] of pairs) {
    it(`${name}: same fields, optionality and enum members`, () => {
      const differences: TypeDifference[] = compareTypes(checker, ours, theirs, name).filter((d) => !isDeliberate(d));
      expect(differences).toEqual([]);
      // The comparison walks real fields: an empty pair would pass vacuously.
      expect(checker.getPropertiesOfType(ours).length).toBeGreaterThan(0);
    });
  }

  it('every deliberate difference still occurs (the list is not stale)', () => {
    const all = [...pairs].flatMap(([name, [ours, theirs]]) => compareTypes(checker, ours, theirs, name));
    for (const allowed of DELIBERATE) expect(all.some((d) => allowed.path.test(d.path) && allowed.ours.test(d.ours)), allowed.why).toBe(true);
  });

  it('notices a difference when there is one', () => {
    const [create] = pairs.get('Create')!;
    const [, session] = pairs.get('Session')!;
    const differences = compareTypes(checker, create, session, 'X');
    expect(differences.some((d) => d.path === 'X.return_url' && d.theirs === 'missing')).toBe(true);
  });
});
