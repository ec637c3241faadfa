import { describe, expect, it } from 'vitest';
import { indexDecls } from '../../generator/model/decl-index.js';
import type { Decl, TypeExpr } from '../../generator/model/types.js';
import { model, spec } from '../support/project.js';

/** Every declaration under a root, the root included. */
function tree(decl: Decl): Decl[] {
  return [decl, ...decl.children.flatMap(tree)];
}

function typesOf(decl: Decl): TypeExpr[] {
  return decl.body.kind === 'alias' ? [decl.body.type] : decl.body.properties.map((p) => p.type);
}

/** Every type expression inside `expr`, itself included. */
function walk(expr: TypeExpr): TypeExpr[] {
  switch (expr.kind) {
    case 'array':
      return [expr, ...walk(expr.items)];
    case 'map':
      return [expr, ...walk(expr.values)];
    case 'union':
      return [expr, ...expr.members.flatMap(walk)];
    case 'emptyable':
      return [expr, ...walk(expr.inner)];
    default:
      return [expr];
  }
}

describe('what the model says goes over the wire', () => {
  it('an upload is multipart to its own host with a file typed FileUpload; a PDF download is binary from the files host', async () => {
    const api = await model({});
    const upload = api.operations.find((op) => op.method === 'POST' && op.path === '/v1/files')!;
    expect(upload.server).toBe('https://files.stripe.com');
    expect(upload.params).toMatchObject({ in: 'body', encoding: 'multipart', required: true });
    const file = upload.params!.decl.body.kind === 'interface' ? upload.params!.decl.body.properties.find((p) => p.name === 'file') : undefined;
    expect(file).toMatchObject({ optional: false, type: { kind: 'shared', name: 'FileUpload' } });
    const pdf = api.operations.find((op) => op.path === '/v1/quotes/{quote}/pdf')!;
    expect(pdf).toMatchObject({ server: 'https://files.stripe.com', response: { binary: 'application/pdf' } });
    // Every other operation is the API host's, form-encoded, answered in JSON.
    const others = api.operations.filter((op) => op !== upload && op !== pdf);
    expect(others.filter((op) => op.server || op.response.binary || op.params?.encoding === 'multipart')).toEqual([]);
    expect(api.serverUrl).toBe('https://api.stripe.com');
  });

  it('a DELETE takes its body parameters in the query, and every DELETE has a params type', async () => {
    const api = await model({});
    const deletes = api.operations.filter((op) => op.method === 'DELETE');
    expect(deletes.every((op) => op.params?.in === 'query')).toBe(true);
    const fields = (path: string) => {
      const decl = deletes.find((op) => op.path === path)!.params!.decl;
      return decl.body.kind === 'interface' ? decl.body.properties.map((p) => p.name).sort() : [];
    };
    expect(fields('/v1/subscriptions/{subscription_exposed_id}')).toEqual(['cancellation_details', 'expand', 'invoice_now', 'prorate']);
    expect(fields('/v1/subscription_items/{item}')).toEqual(['clear_usage', 'proration_behavior', 'proration_date']);
    const empty = deletes.filter((op) => op.params!.decl.body.kind === 'interface' && op.params!.decl.body.properties.length === 0);
    console.log(`${deletes.length} DELETE operations, ${deletes.length - empty.length} with params, ${empty.length} with an empty params type`);
    expect(empty.length).toBeGreaterThan(20);
  });

  it('takes path parameters in the order of the path', async () => {
    const api = await model({});
    for (const op of api.operations) {
      expect(op.pathParams.map((p) => p.name), op.id).toEqual([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    }
    const reversal = api.operations.find((op) => op.method === 'GET' && op.path === '/v1/transfers/{transfer}/reversals/{id}')!;
    expect(reversal.pathParams.map((p) => p.identifier)).toEqual(['transfer', 'id']);
  });

  it("types every request enum that takes '' as Emptyable, so that null unsets it too", async () => {
    const api = await model({});
    const index = indexDecls(api);
    const requestRoots = api.operations.flatMap((op) => (op.params ? [op.params.decl] : []));
    const decls = requestRoots.flatMap(tree);
    const exprs = decls.flatMap(typesOf).flatMap(walk);
    // No request type lists '' as a member of its own: it is always Emptyable<...> around the rest.
    expect(exprs.filter((e) => e.kind === 'literal' && e.value === '')).toEqual([]);
    const isEnum = (e: TypeExpr) => e.kind === 'literal' || (e.kind === 'ref' && index.get(e.id)?.body.kind === 'alias');
    const emptyableEnums = exprs.filter((e) => e.kind === 'emptyable' && isEnum(e.inner));
    // The spec's request enums that list '' beside other members, counted in the spec itself.
    const { document } = await spec();
    let inSpec = 0;
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const e = (node as { enum?: unknown[] }).enum;
      if (Array.isArray(e) && e.length > 1 && e.includes('')) inSpec++;
      Object.values(node).forEach(visit);
    };
    visit(document.paths);
    console.log(`${inSpec} request enums in the spec take '' beside their members; the model declares ${emptyableEnums.length} Emptyable<...> enum fields`);
    expect(inSpec).toBeGreaterThan(90);
    expect(emptyableEnums.length).toBe(inSpec);
  });
});
