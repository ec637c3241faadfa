import ts from 'typescript';

/**
 * The TypeScript settings of a careful user's project, which the generated package and the runtime
 * must compile under: `strict` with the two checks it leaves out (indexed access may be undefined, an
 * optional property may not be set to `undefined`), ES2022, Node's ESM resolution, and no ambient
 * typings beyond ES2022 (neither DOM nor @types/node), so code that leans on either fails.
 * `extra` is what sets a test apart (its libraries, emit, module resolution) and wins over these.
 */
export function strictCompilerOptions(extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  return {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts'],
    types: [],
    ...extra,
  };
}
