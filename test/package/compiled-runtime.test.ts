import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/project.js';

interface CompileRuntimeModule {
  compileRuntime(root: string, outDir: string, sourceDir?: string): void;
}

const SOURCE = path.join(ROOT, 'generator/runtime');
const SHIPPED = path.join(ROOT, 'generated/src/runtime');
const work = tempDir('compiled-runtime');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const modules = () => fs.readdirSync(SOURCE).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -'.ts'.length));

// The runtime is the same in every package: it is checked once, by sdkgen's build, and a package's
// own type-check reads its declarations only.
describe('the runtime a package ships', () => {
  it('is each module of generator/runtime as JavaScript and its declarations, with no TypeScript source', () => {
    const expected = modules().flatMap((name) => [`${name}.d.ts`, `${name}.js`]);
    expect(modules()).toContain('core');
    expect(fs.readdirSync(SHIPPED).sort()).toEqual(expected.sort());
  });

  it('runs under plain Node, with no TypeScript loader', () => {
    const script = `const { encodeForm } = await import(${JSON.stringify(pathToFileURL(path.join(SHIPPED, 'core.js')).href)});
      process.stdout.write(encodeForm({ options: { document: { allowed_types: ['passport', 'id_card'] } }, type: 'document' }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(decodeURIComponent(result.stdout)).toBe('options[document][allowed_types][0]=passport&options[document][allowed_types][1]=id_card&type=document');
  });

  it("keeps the doc comments of the runtime's exported interfaces in its declarations, for editors to show", () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true });
    const source = project.addSourceFileAtPath(path.join(SOURCE, 'core.ts'));
    const declarations = project.addSourceFileAtPath(path.join(SHIPPED, 'core.d.ts'));
    const docs = (file: typeof source, name: string) =>
      file.getInterfaceOrThrow(name).getProperties().map((p) => `${p.getName()}: ${p.getJsDocs().map((d) => d.getDescription().trim()).join(' ')}`);
    for (const name of ['ClientConfig', 'RequestOptions']) {
      expect(docs(source, name).filter((line) => !line.endsWith(': ')).length).toBeGreaterThanOrEqual(2);
      expect(docs(declarations, name)).toEqual(docs(source, name));
    }
  });

  it('is not written when the runtime does not type-check, and the error names the file and line', async () => {
    const { compileRuntime } = (await import(pathToFileURL(path.join(ROOT, 'scripts/compile-runtime.mjs')).href)) as CompileRuntimeModule;
    const source = path.join(work, 'broken');
    const out = path.join(work, 'out');
    fs.mkdirSync(source);
    fs.writeFileSync(path.join(source, 'fine.ts'), 'export const port = 8787;\n');
    fs.writeFileSync(path.join(source, 'broken.ts'), "import { port } from './fine.js';\n\nexport const host: number = `127.0.0.1:${port}`;\n");
    expect(() => compileRuntime(ROOT, out, source)).toThrow(/broken\.ts\(3,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
