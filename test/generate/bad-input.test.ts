import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sdkgen, tempDir, treeHashes } from '../support/project.js';

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const minimal = (schemaRef: string) =>
  JSON.stringify({
    openapi: '3.0.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/v1/things': {
        post: {
          operationId: 'PostThings',
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: schemaRef } } } } },
        },
      },
    },
    components: { schemas: { thing: { type: 'object', properties: { id: { type: 'string' } }, 'x-resourceId': 'thing' } } },
  });

describe('bad input gets a clear error, a non-zero exit, and no half-written output', () => {
  const dir = tempDir('bad');

  it('an emitter error on the source thread reaches the user as the same clear error', () => {
    // The package name is checked by the README emitter, which runs on the thread that prints the sources.
    const project = tempDir('bad-name');
    fs.writeFileSync(path.join(project, 'sdkgen.config.json'), JSON.stringify({ packageName: 'Not A Name', out: 'out' }));
    const spec = write(dir, 'named.json', minimal('#/components/schemas/thing'));
    const result = sdkgen(['generate', '--spec', spec], { cwd: project });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("error: packageName: 'Not A Name' is not a valid npm package name\n");
    expect(fs.existsSync(path.join(project, 'out'))).toBe(false);
  });

  it('an unknown operation id names the closest ids', () => {
    const result = sdkgen(['generate', '--operations', 'PostIdentityVerificationSesions', '--out', path.join(dir, 'out1')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("unknown operation 'PostIdentityVerificationSesions'");
    expect(result.stderr).toMatch(/closest operation ids: PostIdentityVerificationSessions\b/);
    expect(fs.existsSync(path.join(dir, 'out1'))).toBe(false);
  });

  it('a spec that is not valid YAML names the file, line and column', () => {
    const file = write(dir, 'broken.yaml', 'openapi: 3.0.0\ninfo:\n  title: x\npaths:\n  /a: [unclosed\n');
    const result = sdkgen(['generate', '--spec', file, '--out', path.join(dir, 'out2')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`error: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: not valid YAML`));
  });

  it('a spec that is not valid JSON names the line and column', () => {
    const file = write(dir, 'broken.json', '{\n  "openapi": "3.0.0",\n  "paths": {,}\n}\n');
    const result = sdkgen(['generate', '--spec', file, '--out', path.join(dir, 'out3')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/not valid JSON: .* at line 3, column 13/);
  });

  it('a Swagger 2 document is refused as not OpenAPI 3, with the line of its version', () => {
    const file = write(dir, 'swagger.yaml', '# old\nswagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n');
    const result = sdkgen(['generate', '--spec', file, '--out', path.join(dir, 'out4')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:2: not an OpenAPI 3 document (found swagger: 2.0)`);
  });

  it('a dangling $ref names the missing pointer and where it was used', () => {
    const file = write(dir, 'dangling.json', minimal('#/components/schemas/missing_thing'));
    const result = sdkgen(['generate', '--all', '--spec', file, '--out', path.join(dir, 'out5')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("dangling $ref '#/components/schemas/missing_thing'");
    expect(result.stderr).toContain('#/paths/~1v1~1things/post/responses/200/content/application~1json/schema');
  });

  it('a failed run leaves an existing output folder exactly as it was', () => {
    const out = path.join(dir, 'kept');
    fs.cpSync(path.join(ROOT, 'generated'), out, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes(`${path.sep}dist`) });
    const before = treeHashes(out);
    const file = write(dir, 'dangling2.json', minimal('#/components/schemas/nope'));
    const result = sdkgen(['generate', '--all', '--spec', file, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("dangling $ref '#/components/schemas/nope'");
    expect(treeHashes(out)).toEqual(before);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.next-'))).toEqual([]);
  });

  it('--check reports a changed, added or removed file and exits 1; a file no generation wrote is not its business', () => {
    const out = path.join(dir, 'drift');
    fs.cpSync(path.join(ROOT, 'generated'), out, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes(`${path.sep}dist`) });
    fs.appendFileSync(path.join(out, 'src/client.ts'), '// edited by hand\n');
    fs.rmSync(path.join(out, 'LICENSE'));
    // A file an earlier generation wrote (it is in the manifest) that this one would not write.
    const manifestFile = path.join(out, '.sdkgen-manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: string[] };
    fs.writeFileSync(manifestFile, JSON.stringify({ files: [...manifest.files, 'docs/Dropped.md'] }));
    fs.writeFileSync(path.join(out, 'docs/Dropped.md'), 'x');
    fs.writeFileSync(path.join(out, 'stray.txt'), 'x');
    const result = sdkgen(['generate', '--check', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('changed src/client.ts');
    expect(result.stderr).toContain('added LICENSE');
    expect(result.stderr).toContain('removed docs/Dropped.md');
    expect(result.stderr).toContain('changed .sdkgen-manifest.json');
    expect(result.stderr).not.toContain('stray.txt');
  });

  it('with no copy of the pinned spec and no network, says how to pass --spec or where to put the file', () => {
    const project = tempDir('nospec');
    const cache = tempDir('cache');
    fs.mkdirSync(path.join(project, 'spec'));
    write(path.join(project, 'spec'), 'pin.json', JSON.stringify({ url: 'http://127.0.0.1:9/spec3.yaml', sha256: 'a'.repeat(64), fileName: 'spec3.yaml', mirrors: ['mirror'] }));
    fs.mkdirSync(path.join(project, 'mirror'));
    write(path.join(project, 'mirror'), 'spec3.yaml', 'openapi: 3.0.0\n');
    const result = sdkgen(['generate'], { cwd: project, env: { SDKGEN_CACHE_DIR: cache, SDKGEN_SPEC_DIRS: '' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the pinned spec (sha256 aaaa');
    expect(result.stderr).toContain('pass --spec FILE|URL');
    expect(result.stderr).toContain(path.join(cache, 'specs', `${'a'.repeat(64)}.yaml`));
    // The mirror's copy has other bytes: it is refused, and said so.
    expect(result.stderr).toContain(`refused ${path.join(project, 'mirror', 'spec3.yaml')} has sha256`);
    expect(fs.existsSync(path.join(project, 'generated'))).toBe(false);
  });
});
