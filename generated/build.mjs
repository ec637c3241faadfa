// Builds the package from src/ with the TypeScript compiler: ES modules in dist/esm and CommonJS in
// dist/cjs, each with its declarations. A package.json in each folder gives its files their module
// format, so both builds keep the `.js` / `.d.ts` names and their imports as written. The runtime
// (src/runtime/) comes compiled, as JavaScript modules and their declarations: the compiler reads
// the declarations and emits neither, so both are carried over here, converted for CommonJS.
//
//   node build.mjs [--typescript <path to the typescript package>]
//
// TypeScript is a devDependency; it is found from this folder (or NODE_PATH) unless given.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const ts = loadTypeScript(process.argv.slice(2));

const formats = [
  { dir: 'dist/esm', type: 'module', options: {} },
  { dir: 'dist/cjs', type: 'commonjs', options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 } },
];

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const config = readConfig();
for (const format of formats) {
  const outDir = path.join(root, format.dir);
  const options = {
    ...config.options,
    ...format.options,
    outDir,
    declaration: true,
    // Nothing points at src/, which is not published.
    sourceMap: false,
    inlineSourceMap: false,
    declarationMap: false,
    noEmit: false,
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options });
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost()));
    process.exit(1);
  }
  copyRuntime(path.join(outDir, 'runtime'), format.type === 'commonjs' ? options : undefined);
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ type: format.type }, null, 2)}\n`);
}
process.stderr.write(`built ${formats.map((f) => f.dir).join(' and ')} from ${config.fileNames.length} files\n`);

/** Copies src/runtime/ into `outDir`, its JavaScript converted to CommonJS when `commonjs` holds the options. */
function copyRuntime(outDir, commonjs) {
  const from = path.join(root, 'src', 'runtime');
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of fs.readdirSync(from).sort()) {
    if (!name.endsWith('.js') && !name.endsWith('.d.ts')) continue;
    let text = fs.readFileSync(path.join(from, name), 'utf8');
    if (commonjs && name.endsWith('.js')) {
      text = ts.transpileModule(text, { fileName: name, compilerOptions: { module: commonjs.module, target: commonjs.target } }).outputText;
    }
    fs.writeFileSync(path.join(outDir, name), text);
  }
}

function loadTypeScript(args) {
  const at = args.indexOf('--typescript');
  const from = at >= 0 ? path.resolve(args[at + 1] ?? '') : 'typescript';
  try {
    return createRequire(path.join(root, 'package.json'))(from);
  } catch {
    process.stderr.write('build.mjs: TypeScript not found; run `npm install` here, or pass --typescript <dir>\n');
    process.exit(1);
  }
}

function readConfig() {
  const file = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  if (parsed.errors.length > 0) {
    process.stderr.write(ts.formatDiagnosticsWithColorAndContext(parsed.errors, formatHost()));
    process.exit(1);
  }
  return parsed;
}

function formatHost() {
  return { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
}
