import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerCommand } from '../mock/server-command.js';
import { ROOT, sdkgen, tempDir } from '../support/project.js';

/** diff, extract and the mock read the same hostile specs as generate: recursion and odd names must not crash them. */
const spec = (name: string) => path.join(ROOT, 'test/hostile/specs', name);
const env = () => ({ SDKGEN_CACHE_DIR: tempDir('hostile-commands-cache') });

describe('other commands on hostile specs', () => {
  it('diff walks recursive types and Object.prototype names without a stack overflow', () => {
    const recursive = sdkgen(['diff', spec('recursive-resource.yaml'), spec('recursive-params.yaml')], { env: env() });
    expect(recursive.stderr).toBe('');
    expect(recursive.status).toBe(0);
    expect(recursive.stdout).toContain('Remove support for resource `Node`');
    const names = sdkgen(['diff', spec('proto-names.yaml'), spec('proto-names.json')], { env: env() });
    expect(names.status).toBe(0);
    expect(names.stdout).toContain('No changes to the generated package.');
  });

  it('diff refuses a schema cycle with the same one line as generate', () => {
    const result = sdkgen(['diff', spec('cycle-allof-pair.yaml'), spec('recursive-params.yaml')], { env: env() });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: schema cycle through allOf: #/components/schemas/A → B → A\n');
  });

  it('extract follows recursive $refs once and keeps components named __proto__ and constructor', () => {
    const recursive = sdkgen(['extract', '--operation', 'GetNodesNode', '--spec', spec('recursive-resource.yaml')], { env: env() });
    expect(recursive.status).toBe(0);
    expect(Object.keys(JSON.parse(recursive.stdout).components.schemas)).toEqual(['leaf', 'node']);
    const names = sdkgen(['extract', '--operation', 'constructor', '--spec', spec('proto-names.yaml')], { env: env() });
    expect(names.status).toBe(0);
    const extracted = JSON.parse(names.stdout) as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(extracted.components.schemas)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(extracted.components.schemas)).toBe(Object.prototype);
  });

  it('the mock fakes a recursive resource, expanded into itself, in bounded depth', async () => {
    const mock = await startServerCommand(['mock', '--port', '0', '--quiet', '--spec', spec('recursive-resource.yaml')], env());
    try {
      // The mock keeps state: a node made under another is read back with its parent expanded into itself.
      const headers = { Authorization: 'Bearer sk_test_x', 'Content-Type': 'application/x-www-form-urlencoded' };
      const create = async (body: string) => (await (await fetch(`${mock.url}/v1/nodes`, { method: 'POST', headers, body })).json()) as { id: string };
      const root = await create('');
      const leaf = await create(`parent=${root.id}`);
      const response = await fetch(`${mock.url}/v1/nodes/${leaf.id}?expand[]=parent`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: leaf.id, object: 'node', children: expect.any(Array), parent: { id: root.id, object: 'node' } });
    } finally {
      expect((await mock.stop()).stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the mock keeps fields named __proto__ and constructor as data, never as the stored object\'s prototype', async () => {
    const fixture = path.join(ROOT, 'test/fixtures/mock/proto-fields.yaml');
    const mock = await startServerCommand(['mock', '--port', '0', '--quiet', '--spec', fixture], env());
    try {
      const headers = { Authorization: 'Bearer sk_test_x', 'Content-Type': 'application/x-www-form-urlencoded' };
      const body = '__proto__=polluted&constructor=built&metadata[__proto__]=meta';
      const created = await fetch(`${mock.url}/v1/gadgets`, { method: 'POST', headers, body });
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: string };
      const read = await fetch(`${mock.url}/v1/gadgets/${id}`, { headers });
      // JSON.parse makes every key an own field, so a stored `__proto__` shows up only if it was sent as one.
      const gadget = (await read.json()) as Record<string, unknown>;
      const own = (object: unknown, key: string) => Object.getOwnPropertyDescriptor(object, key)?.value;
      expect(own(gadget, '__proto__')).toBe('polluted');
      expect(own(gadget, 'constructor')).toBe('built');
      expect(own(own(gadget, 'metadata'), '__proto__')).toBe('meta');
      // A required `__proto__` the request leaves out is made up from the schema, as a field like any other.
      const plain = (await (await fetch(`${mock.url}/v1/gadgets`, { method: 'POST', headers, body: '' })).json()) as Record<string, unknown>;
      expect(Object.hasOwn(plain, '__proto__')).toBe(true);
    } finally {
      expect((await mock.stop()).stderr).not.toMatch(/\n\s+at /);
    }
  });
});
