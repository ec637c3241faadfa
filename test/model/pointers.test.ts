import { describe, expect, it } from 'vitest';
import { resolveRef } from '../../generator/model/refs.js';
import type { ApiModel, Decl } from '../../generator/model/types.js';
import { model, spec } from '../support/project.js';

/** Every declaration of the model, nested ones included. */
function allDecls(api: ApiModel): Decl[] {
  const out: Decl[] = [];
  const visit = (decl: Decl) => {
    out.push(decl);
    decl.children.forEach(visit);
  };
  api.declarations.forEach(visit);
  return out;
}

/** Every pointer the model holds, with what holds it. */
function pointersOf(api: ApiModel): { owner: string; pointer: string }[] {
  const out: { owner: string; pointer: string }[] = [];
  for (const op of api.operations) {
    out.push({ owner: `operation ${op.id}`, pointer: op.pointer });
    for (const p of op.parameters ?? []) out.push({ owner: `parameter ${op.id}.${p.name}`, pointer: p.pointer });
  }
  for (const decl of allDecls(api)) {
    out.push({ owner: `declaration ${decl.id}`, pointer: decl.pointer });
    if (decl.body.kind === 'interface') for (const p of decl.body.properties) out.push({ owner: `property ${decl.id}.${p.name}`, pointer: p.pointer });
  }
  for (const event of api.events ?? []) {
    for (const ref of event.objects) {
      if (ref.status) out.push({ owner: `status of ${ref.value} (event ${event.type})`, pointer: ref.status.pointer });
      if (ref.redaction) out.push({ owner: `redaction of ${ref.value} (event ${event.type})`, pointer: ref.redaction });
    }
  }
  return out;
}

describe('model pointers', () => {
  it('every pointer of the whole v524 model addresses something in the spec', async () => {
    const { document } = await spec();
    const api = await model({ allResourceTypes: true });
    const all = pointersOf(api);
    const dangling = all.filter(({ pointer }) => {
      try {
        return resolveRef<unknown>(document, pointer, pointer) === undefined;
      } catch {
        return true;
      }
    });
    expect(all.length).toBeGreaterThan(10_000);
    expect(dangling.map(({ owner, pointer }) => `${owner}: ${pointer}`)).toEqual([]);
  });

  it('a query field points at its parameter, and what is declared under it at that parameter’s schema', async () => {
    const { document } = await spec();
    const api = await model({ operations: ['GetTerminalReaders', 'GetCustomers'] });
    const params = (id: string) => api.operations.find((op) => op.id === id)!.params!.decl;
    const field = (decl: Decl, name: string) => (decl.body.kind === 'interface' ? decl.body.properties.find((p) => p.name === name) : undefined);

    const serial = field(params('GetTerminalReaders'), 'serial_number')!;
    expect(serial.pointer).toMatch(/^#\/paths\/~1v1~1terminal~1readers\/get\/parameters\/\d+$/);
    expect(resolveRef<{ name: string; in: string }>(document, serial.pointer, '')).toMatchObject({ name: 'serial_number', in: 'query' });

    const customers = params('GetCustomers');
    const created = field(customers, 'created')!;
    expect(resolveRef<{ name: string }>(document, created.pointer, '')).toMatchObject({ name: 'created' });
    const nested = allDecls({ ...api, declarations: [customers] }).slice(1);
    expect(nested.length).toBeGreaterThan(0);
    for (const decl of nested) expect(decl.pointer.startsWith('#/paths/~1v1~1customers/get/parameters/')).toBe(true);
    // `expand` of a list is typed with the paths of its items, declared at the parameter it types.
    const expand = field(customers, 'expand')!;
    expect(nested.some((decl) => decl.derived === 'expand-paths' && decl.pointer === expand.pointer)).toBe(true);
  });
});
