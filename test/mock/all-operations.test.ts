import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDecls } from '../../generator/model/decl-index.js';
import { resolveRef } from '../../generator/model/refs.js';
import type { ApiModel, Decl, TypeExpr } from '../../generator/model/types.js';
import { listen } from '../../generator/servers/listen.js';
import { createMock } from '../../generator/servers/mock/mock-server.js';
import { model, spec } from '../support/project.js';

let api: ApiModel;
let index: Map<string, Decl>;
let server: Server;
let base: string;

beforeAll(async () => {
  const loaded = await spec();
  api = await model({});
  index = indexDecls(api);
  server = createMock({ document: loaded.document, specSha256: loaded.sha256 });
  base = await listen(server, '127.0.0.1', 0);
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Where `value` breaks the model's type, or undefined: required fields present, primitives of their kind. */
function mismatch(value: unknown, type: TypeExpr, at: string, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  switch (type.kind) {
    case 'primitive':
      if (type.name === 'unknown') return undefined;
      return typeof value === type.name ? undefined : `${at}: ${JSON.stringify(value)} is not a ${type.name}`;
    case 'literal':
      return value === type.value ? undefined : `${at}: ${JSON.stringify(value)} is not ${JSON.stringify(type.value)}`;
    case 'null':
      return value === null ? undefined : `${at}: not null`;
    case 'array':
      if (!Array.isArray(value)) return `${at}: not an array`;
      return value.map((v, i) => mismatch(v, type.items, `${at}[${i}]`, depth + 1)).find(Boolean);
    case 'map':
    case 'shared':
      return typeof value === 'object' && value !== null ? undefined : `${at}: not an object`;
    case 'emptyable':
      return mismatch(value, type.inner, at, depth);
    case 'union': {
      const problems = type.members.map((m) => mismatch(value, m, at, depth));
      return problems.some((p) => p === undefined) ? undefined : problems[0];
    }
    case 'ref': {
      const decl = index.get(type.id);
      if (!decl) return undefined;
      if (decl.body.kind === 'alias') return mismatch(value, decl.body.type, at, depth);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at}: not an object`;
      const object = value as Record<string, unknown>;
      for (const p of decl.body.properties) {
        if (!(p.name in object)) {
          if (!p.optional) return `${at}.${p.name}: missing`;
          continue;
        }
        const problem = mismatch(object[p.name], p.type, `${at}.${p.name}`, depth + 1);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

describe('sdkgen mock on every operation of the pinned spec', () => {
  it('answers each operation, asked with no params, with a schema-valid object or the error Stripe gives', async () => {
    const outcomes: Record<string, number> = {};
    for (const op of api.operations) {
      const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => `${name}_1`);
      const response = await fetch(`${base}${path}`, {
        method: op.method,
        headers: { Authorization: 'Bearer sk_test_all', ...(op.method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        body: op.method === 'POST' ? '' : undefined,
      });
      const body = (await response.json()) as Record<string, any>;
      outcomes[response.status] = (outcomes[response.status] ?? 0) + 1;
      if (response.status === 200) {
        if (op.response.kind === 'object') expect(mismatch(body, op.response.type, op.id), op.id).toBeUndefined();
        else {
          expect(body.object, op.id).toBe(op.response.kind === 'list' ? 'list' : 'search_result');
          for (const item of body.data) expect(mismatch(item, op.response.type, `${op.id} data`), op.id).toBeUndefined();
        }
      } else if (response.status === 400) {
        expect(body.error.code, op.id).toBe('parameter_missing');
        expect(op.params?.required, op.id).toBe(true);
      } else {
        expect(response.status, op.id).toBe(404);
        expect(body.error.code, op.id).toBe('resource_missing');
        expect(op.pathParams.length, op.id).toBeGreaterThan(0);
      }
    }
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(api.operations.length);
    expect(outcomes[200]).toBeGreaterThan(100);
  }, 120_000);

  it('the model keeps every parameter by location with a real pointer into the spec, and integer apart from number', async () => {
    const loaded = await spec();
    for (const op of api.operations) {
      for (const parameter of op.parameters ?? []) {
        const target = resolveRef<Record<string, unknown>>(loaded.document, parameter.pointer, op.pointer);
        if (parameter.in === 'body') expect(typeof target, `${op.id} ${parameter.name}`).toBe('object');
        else expect(target, `${op.id} ${parameter.name}`).toMatchObject({ name: parameter.name, in: parameter.in });
      }
      for (const name of op.pathParams.map((p) => p.name)) expect(op.parameters?.some((p) => p.in === 'path' && p.name === name), op.id).toBe(true);
    }
    const list = api.operations.find((op) => op.id === 'GetCustomers')!;
    expect(list.parameters?.find((p) => p.name === 'limit')).toMatchObject({ in: 'query', required: false });
    const limit = list.params!.decl.body.kind === 'interface' ? list.params!.decl.body.properties.find((p) => p.name === 'limit') : undefined;
    expect(limit?.integer).toBe(true);
    const create = api.operations.find((op) => op.id === 'PostPaymentIntents')!;
    expect(create.parameters?.find((p) => p.name === 'amount')).toMatchObject({ in: 'body', required: true });
    const fields = create.params!.decl.body.kind === 'interface' ? create.params!.decl.body.properties : [];
    expect(fields.find((p) => p.name === 'amount')?.integer).toBe(true);
    expect(fields.find((p) => p.name === 'application_fee_amount')?.integer).toBe(true);
    expect(fields.find((p) => p.name === 'description')?.integer).toBeUndefined();
  });
});
