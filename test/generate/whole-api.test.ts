import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleParams } from '../../generator/model/examples.js';
import { indexDecls } from '../../generator/model/decl-index.js';
import { encodeForm } from '../../generator/runtime/encode.js';
import type { ApiModel } from '../../generator/model/types.js';
import { strictCompilerOptions } from '../support/compiler-options.js';
import { model, overlongLines, ROOT, sdkgen, tempDir } from '../support/project.js';

/** One whole-API package for every test here: generated once. */
let out: string;
let result: ReturnType<typeof sdkgen>;
beforeAll(() => {
  out = path.join(tempDir('all'), 'pkg');
  result = sdkgen(['generate', '--all', '--out', out, '--json']);
});

describe('the whole API', () => {
  it('generates every operation of the default spec, split per resource, compiles under tsc --strict, isolatedModules and verbatimModuleSyntax with every docs page\'s TypeScript snippet, and calls each endpoint', async () => {
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { operations: number; resources: number; files: number };
    expect(summary.operations).toBe(468);
    const resources = fs.readdirSync(path.join(out, 'src/resources'), { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    expect(resources.length).toBe(summary.resources);
    // Split so editors stay fast: no resource module holds more than a small share of the code.
    const sizes = resources.map((f) => fs.statSync(path.join(out, 'src/resources', String(f))).size);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(Math.max(...sizes) / total).toBeLessThan(0.1);
    // The package and the initial snippet of every operation page, as a reader would paste it, in one program.
    expect(writeSnippets(out)).toBe(summary.operations);
    // And each example response the pages show, typed as the package's response type.
    expect(writeExamples(out, await model({ allResourceTypes: true }))).toBeGreaterThan(summary.operations * 0.9);
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(out, 'tsconfig.snippets.json'), '--noEmit', '--strict', '--isolatedModules', '--verbatimModuleSyntax'], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    expect(overlongLines(path.join(out, 'src'))).toEqual([]);
    await callsEveryOperation(out);
  }, 120_000);

  it('runs the curl snippet of every docs page with the real curl: each sends its method, path and example fields', async () => {
    expect(result.status, result.stderr).toBe(0);
    const api = await model({ allResourceTypes: true });
    const index = indexDecls(api);
    const received: string[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        const type = req.headers['content-type'] ?? '';
        // An upload's parts, in order, as `name=value` (a file as `name=@filename`), like a form body.
        const form = type.startsWith('multipart/form-data')
          ? [...((await new Request('http://curl.test/', { method: 'POST', headers: { 'content-type': type }, body }).formData()) as unknown as Iterable<[string, string | { name: string }]>)]
              .map(([key, value]) => (typeof value === 'string' ? `${key}=${value}` : `${key}=@${value.name}`))
              .join('&')
          : decodeURIComponent(body.toString());
        received.push(`${req.method} ${decodeURIComponent(req.url!)} ${form}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Uploads and downloads name the files host: both hosts go to the local server.
      const script = api.operations
        .map((op) => pageSnippet(out, op.id, 'snippet-curl').replace(/https:\/\/(api|files)\.stripe\.com/, base) + ' -s -o /dev/null\n')
        .join('');
      expect(script.match(/^curl /gm)).toHaveLength(api.operations.length);
      // Asynchronously: the server answering curl runs in this process.
      const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        // In a folder holding the files the upload snippets name (`-F "file=@document.pdf"`), as a user's would.
        const cwd = tempDir('curl');
        for (const file of new Set([...script.matchAll(/=@([\w.-]+)/g)].map((m) => m[1]!))) fs.writeFileSync(path.join(cwd, file), '%PDF-1.4\n');
        const child = spawn('sh', ['-e'], { cwd, stdio: ['pipe', 'ignore', 'pipe'], timeout: 60_000 });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
        child.stdin.end(script);
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(received).toEqual(
        api.operations.map((op) => {
          const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => `${name}_id`);
          const params = exampleParams(op, index);
          const isFile = (v: unknown) => v !== null && typeof v === 'object' && 'data' in v;
          const form =
            op.params?.encoding === 'multipart'
              ? Object.entries(params)
                  .map(([key, value]) => (isFile(value) ? `${key}=@${String((value as unknown as { name: unknown }).name)}` : decodeURIComponent(encodeForm({ [key]: value }))))
                  .join('&')
              : decodeURIComponent(encodeForm(params));
          // A GET's params, and a DELETE's (as stripe-node sends them), travel in the query string.
          return op.method === 'GET' || op.method === 'DELETE' ? `${op.method} ${path}${form ? `?${form}` : ''} ` : `${op.method} ${path} ${form}`;
        }),
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 120_000);

  it('writes each operation\'s doc comment once, on its function: the methods re-export it', () => {
    const sources = fs.readdirSync(path.join(out, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => fs.readFileSync(path.join(out, 'src', f), 'utf8'));
    // Each doc comment ends with its endpoint: `POST /v1/identity/verification_sessions`.
    const endpoints = sources.flatMap((text) => text.match(/^\s*(?:\/\*\*|\*) `(?:GET|POST|DELETE) \/v1\/[^`]*`(?: \*\/)?$/gm) ?? []).map((line) => line.replace(/^\s*(?:\/\*\*|\*) | \*\/$/g, ''));
    expect(endpoints).toHaveLength(468);
    expect(new Set(endpoints).size).toBe(468);
  });

  it('an editor shows each resource\'s methods and the flat methods with their operation\'s doc comment', async () => {
    const api = await model({ allResourceTypes: true });
    // A resource's first method, and every operation as a flat method: property reads an editor hovers.
    const probes = [
      ...api.resources.map((group) => ({ text: `client.${group.path}.${group.operations[0]!.names.method}`, op: group.operations[0]! })),
      ...api.operations.map((op) => ({ text: `client.${op.names.flat}`, op })),
    ];
    const probe = path.join(out, 'src', 'editor-probe.ts');
    const source = `import { createClient } from './index.js';\nconst client = createClient();\n${probes.map((p) => `${p.text};`).join('\n')}\n`;
    fs.writeFileSync(probe, source);
    const options = strictCompilerOptions({ noEmit: true });
    const service = ts.createLanguageService({
      getCompilationSettings: () => options,
      getScriptFileNames: () => [probe],
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) => (fs.existsSync(name) ? ts.ScriptSnapshot.fromString(fs.readFileSync(name, 'utf8')) : undefined),
      getCurrentDirectory: () => out,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (name) => fs.existsSync(name),
      readFile: (name) => (fs.existsSync(name) ? fs.readFileSync(name, 'utf8') : undefined),
    });
    const missing = probes.filter(({ text, op }) => {
      const at = source.indexOf(`\n${text};`) + text.length;
      const docs = ts.displayPartsToString(service.getQuickInfoAtPosition(probe, at)?.documentation);
      return !docs.includes(`\`${op.method} ${op.path}\``);
    });
    expect(probes.length).toBeGreaterThan(468);
    expect(missing.map((p) => p.text)).toEqual([]);
    fs.rmSync(probe);
  }, 120_000);

  it('the committed package has no line over 120 columns either', () => {
    expect(overlongLines(path.join(ROOT, 'generated/src'))).toEqual([]);
    // The check sees long lines: the runtime's compiled declarations, which it leaves out, have some.
    const runtime = path.join(ROOT, 'generated/src/runtime');
    expect(fs.readdirSync(runtime).some((f) => fs.readFileSync(path.join(runtime, f), 'utf8').split('\n').some((l) => l.length > 120))).toBe(true);
  });

  it('a one-operation build stays small: the error schema does not drag the API in', () => {
    const out = path.join(tempDir('one'), 'pkg');
    const result = sdkgen(['generate', '--operations', 'PostIdentityVerificationSessions', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const types = fs.readdirSync(path.join(out, 'src/types'), { recursive: true }).filter((f) => String(f).endsWith('.ts')).sort();
    expect(types).toEqual(['Address.ts', path.join('Identity', 'VerificationReport.ts'), path.join('Identity', 'VerificationSession.ts')]);
    const index = fs.readFileSync(path.join(out, 'src/index.ts'), 'utf8');
    expect(index).not.toMatch(/PaymentIntent|SetupIntent|Charge/);
  });
});

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x3D;': '=', '&#x60;': '`' };

/** A snippet of an operation's docs page, as the page shows it (HTML entities read back). */
function pageSnippet(out: string, id: string, element: string): string {
  const page = fs.readFileSync(path.join(out, 'docs', `${id}.html`), 'utf8');
  const match = new RegExp(`<code id="${element}">([^<]*)</code>`).exec(page);
  if (!match) throw new Error(`${id}.html has no #${element}`);
  return match[1]!.replace(/&(amp|lt|gt|quot|#x27|#x3D|#x60);/g, (entity) => ENTITIES[entity]!);
}

/**
 * Writes each operation page's initial TypeScript snippet to `snippets/<id>.ts` and a tsconfig that
 * checks them with the package's own options, `@utdk/stripe` naming the package's source.
 */
function writeSnippets(out: string): number {
  const dir = path.join(out, 'snippets');
  fs.mkdirSync(dir);
  const pages = fs.readdirSync(path.join(out, 'docs')).filter((f) => f.endsWith('.html') && f !== 'index.html' && f !== 'webhooks.html');
  for (const page of pages) fs.writeFileSync(path.join(dir, page.replace(/\.html$/, '.ts')), `${pageSnippet(out, page.slice(0, -5), 'snippet-ts')}\n`);
  const config = { extends: './tsconfig.json', compilerOptions: { rootDir: '.', paths: { '@utdk/stripe': ['./src/index.ts'] } }, include: ['src/**/*.ts', 'snippets/*.ts', 'examples/*.ts'] };
  fs.writeFileSync(path.join(out, 'tsconfig.snippets.json'), JSON.stringify(config));
  return pages.length;
}

/**
 * Writes `examples/<id>.ts`: the example response of each operation page (its item, for a list) as
 * a value of the package's type for it. Returns how many operations return a named type.
 */
function writeExamples(out: string, api: ApiModel): number {
  const dir = path.join(out, 'examples');
  fs.mkdirSync(dir);
  let written = 0;
  for (const op of api.operations) {
    if (op.response.type.kind !== 'ref') continue;
    const shown = JSON.parse(pageSnippet(out, op.id, 'example-response')) as { data?: unknown[] };
    const value = op.response.kind === 'object' ? shown : shown.data![0];
    const source = `import type * as Api from '@utdk/stripe';\n\nexport const example: Api.${op.response.type.id} = ${JSON.stringify(value, null, 2)};\n`;
    fs.writeFileSync(path.join(dir, `${op.id}.ts`), source);
    written += 1;
  }
  return written;
}

/**
 * Calls every operation function of the package, with a distinct value for each path parameter,
 * and checks the request that arrives: its method, and its path as the spec writes it with those
 * values in place, whatever order the function takes them in.
 */
async function callsEveryOperation(out: string): Promise<void> {
  const api = await model({});
  const pkg = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as Record<string, unknown> & { createCore(config: object): unknown };
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"object":"list","data":[],"has_more":false,"url":"/"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const core = pkg.createCore({ apiKey: 'sk_test_1', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxNetworkRetries: 0 });
    for (const op of api.operations) {
      const fn = pkg[op.names.flat] as (...args: unknown[]) => Promise<unknown>;
      expect(typeof fn, op.id).toBe('function');
      const values = op.pathParams.map((p, i) => `v${i}_${p.name}`);
      await fn(core, ...values, ...(op.params ? [undefined] : []), { idempotencyKey: 'k' });
      const expected = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[op.pathParams.findIndex((p) => p.name === name)]!);
      expect(received.pop(), op.id).toBe(`${op.method} ${expected}`);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
