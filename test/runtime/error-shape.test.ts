import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../generator/load/openapi-types.js';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { ROOT, spec } from '../support/project.js';

/** The hand-written error body type, read with the TypeScript checker. */
function rawStripeError() {
  const file = path.join(ROOT, 'generator/runtime/errors.ts');
  const program = ts.createProgram([file], strictCompilerOptions({ noEmit: true }));
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const decl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'RawStripeError')!;
  const type = checker.getTypeAtLocation(decl.name);
  return new Map(checker.getPropertiesOfType(type).map((p) => [p.name, checker.typeToString(checker.getTypeOfSymbol(p))]));
}

describe('RawStripeError, the error body every build shares', () => {
  it("has every field of the spec's api_errors schema, strings as strings and the type enum's values", async () => {
    const { document } = await spec();
    const apiErrors = document.components!.schemas!.api_errors as Schema;
    const ours = rawStripeError();
    for (const [name, schema] of Object.entries(apiErrors.properties!)) {
      expect(ours.has(name), name).toBe(true);
      const printed = ours.get(name)!;
      if (schema.type === 'string' && !schema.enum) expect(printed, name).toBe('string | undefined');
      if (schema.enum) for (const value of schema.enum) expect(printed, name).toContain(`"${String(value)}"`);
      if (schema.type !== 'string' && !schema.enum) expect(printed, name).toBe('RawErrorObject | undefined');
    }
  });
});
