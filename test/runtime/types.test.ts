/**
 * The runtime must type-check on its own (only the libraries the package's tsconfig names, no DOM,
 * no @types/node), and its declarations must serve a consumer with none, either or both of those
 * typings, where the platform's own `fetch` and `AbortSignal` are accepted as they are.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { strictCompilerOptions } from '../support/compiler-options.js';

const runtimeDir = fileURLToPath(new URL('../../generator/runtime/', import.meta.url));
const repoTypes = fileURLToPath(new URL('../../node_modules/@types/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const strict = strictCompilerOptions({ verbatimModuleSyntax: true, typeRoots: [repoTypes] });

function diagnostics(files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, options);
  const emitted = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

/** The package's own `lib` list (ES2015 and the few later pieces the runtime uses), as file names. */
function packageLibs(): string[] {
  const config = ts.readConfigFile(fileURLToPath(new URL('../../templates/package/tsconfig.json', import.meta.url)), ts.sys.readFile);
  return (config.config.compilerOptions.lib as string[]).map((name) => `lib.${name.toLowerCase()}.d.ts`);
}

const runtimeFiles = () => readdirSync(runtimeDir).filter((f) => f.endsWith('.ts')).map((f) => join(runtimeDir, f));

it("the runtime compiles with the package's libraries alone, and emits declarations", () => {
  const errors = diagnostics(runtimeFiles(), {
    ...strict,
    lib: packageLibs(),
    types: [],
    declaration: true,
    emitDeclarationOnly: true,
    outDir: join(dir, 'runtime'),
  });
  expect(errors).toEqual([]);
});

const consumers: Record<string, { lib: string[]; types: string[]; code: string }> = {
  'no-platform-types.ts': {
    lib: ['lib.es2022.d.ts'],
    types: [],
    code: `
      import { ClientCore, StripeCardError, type FetchLike, type ApiList } from './runtime/core.js';
      const fetch: FetchLike = async (url, init) => ({
        status: 200,
        headers: { get: () => null, forEach() {} },
        text: async () => JSON.stringify({ url, method: init.method }),
      });
      const client = new ClientCore({ fetch, apiKey: undefined }, { apiVersion: 'v', packageName: 'p', packageVersion: '1' });
      export const one: Promise<{ id: string }> = client.request<{ id: string }>({ method: 'GET', path: '/v1/x' });
      const list = client.requestList<{ id: string }>({ method: 'GET', path: '/v1/x', params: { limit: 1 } });
      export const page: Promise<ApiList<{ id: string }>> = list;
      for await (const item of list) item.id.toUpperCase();
      export const isCard = (e: unknown) => e instanceof StripeCardError && e.decline_code;
    `,
  },
  'dom.ts': {
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    code: `
      import { ClientCore } from './runtime/core.js';
      const client = new ClientCore({ fetch, hooks: { onRetry: (e) => console.log(e.delayMs) } }, { apiVersion: 'v', packageName: 'p', packageVersion: '1' });
      new ClientCore({ fetch: window.fetch.bind(window) }, { apiVersion: 'v', packageName: 'p', packageVersion: '1' });
      export const r = client.request({ method: 'POST', path: '/v1/x', options: { signal: new AbortController().signal } });
    `,
  },
  'node.ts': {
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    code: `
      import { ClientCore } from './runtime/core.js';
      const client = new ClientCore({ fetch: globalThis.fetch }, { apiVersion: 'v', packageName: 'p', packageVersion: '1' });
      export const r = client.request({ method: 'GET', path: '/v1/x', options: { signal: AbortSignal.timeout(10) } });
    `,
  },
};

for (const [name, { lib, types, code }] of Object.entries(consumers)) {
  it(`a consumer compiles against the declarations: ${name}`, () => {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(join(dir, name), code);
    const errors = diagnostics([join(dir, name)], { ...strict, lib, types, noEmit: true, skipLibCheck: false });
    expect(errors).toEqual([]);
  });
}
