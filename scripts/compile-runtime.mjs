// Compiles the hand-written client runtime (generator/runtime/*.ts) to what every generated package
// ships: ES modules with their declarations, doc comments kept. The runtime is the same in every
// package, so it is type-checked here, once, under the package's own compiler options; a package's
// `tsc` then reads its declarations only, as it would a dependency's.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Writes `<name>.js` and `<name>.d.ts` for each module of `sourceDir` (by default the runtime) into
 * `outDir`; throws with the compiler's diagnostics, each with its file and line.
 */
export function compileRuntime(root, outDir, sourceDir = path.join(root, 'generator', 'runtime')) {
  // The TypeScript the generated package pins as its devDependency, so both compile alike.
  const ts = createRequire(path.join(root, 'package.json'))('typescript');
  const files = fs
    .readdirSync(sourceDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(sourceDir, name));
  const packageConfig = JSON.parse(fs.readFileSync(path.join(root, 'templates', 'package', 'tsconfig.json'), 'utf8'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { ...packageConfig.compilerOptions, rootDir: sourceDir, outDir, declaration: true, removeComments: false, newLine: 'lf' },
    root,
  );
  const program = errors.length > 0 ? undefined : ts.createProgram(files, options);
  // Nothing is written unless the whole runtime checks.
  let diagnostics = program ? ts.getPreEmitDiagnostics(program) : errors;
  if (program && diagnostics.length === 0) diagnostics = program.emit().diagnostics;
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(`the client runtime does not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
}
