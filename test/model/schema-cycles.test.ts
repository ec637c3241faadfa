import { describe, expect, it } from 'vitest';
import type { OpenApiDocument, Schema } from '../../generator/load/openapi-types.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { Decl } from '../../generator/model/types.js';

/** One operation answering with `#/components/schemas/<answer>`, and the given component schemas. */
function documentWith(schemas: Record<string, Schema>, answer: string): OpenApiDocument {
  return {
    openapi: '3.0.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/v1/things': {
        get: {
          operationId: 'GetThings',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${answer}` } } } } },
        },
      },
    },
    components: { schemas },
  } as OpenApiDocument;
}

function refusal(schemas: Record<string, Schema>, answer = 'A'): string {
  try {
    buildModel(documentWith(schemas, answer), { specSha256: '0', allResourceTypes: true });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the spec was accepted');
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const props = (name: string): Schema => ({ type: 'object', properties: { [name]: { type: 'string' } } });

describe('schema cycles', () => {
  it('A and B merging each other through allOf are refused with the chain', () => {
    expect(refusal({ A: { allOf: [ref('B'), props('a')] }, B: { allOf: [ref('A'), props('b')] } })).toBe(
      'schema cycle through allOf: #/components/schemas/A → B → A',
    );
  });

  it('a schema in its own allOf is refused', () => {
    expect(refusal({ A: { allOf: [ref('A'), props('a')] } })).toBe('schema cycle through allOf: #/components/schemas/A → A');
  });

  it('a schema that is a $ref to itself, directly or through a chain, is refused', () => {
    expect(refusal({ A: ref('A') })).toBe('schema cycle through $ref: #/components/schemas/A → A');
    expect(refusal({ A: ref('B'), B: ref('C'), C: ref('A') })).toBe('schema cycle through $ref: #/components/schemas/A → B → C → A');
  });

  it('cycles through anyOf, oneOf, items and additionalProperties that no declaration breaks are refused', () => {
    expect(refusal({ A: { anyOf: [ref('A'), { type: 'string' }] } })).toBe('schema cycle through anyOf: #/components/schemas/A → A');
    expect(refusal({ A: { oneOf: [ref('B')] }, B: { oneOf: [ref('A')] } })).toBe('schema cycle through oneOf: #/components/schemas/A → B → A');
    expect(refusal({ A: { type: 'array', items: ref('A') } })).toBe('schema cycle through items: #/components/schemas/A → A');
    expect(refusal({ A: { type: 'object', additionalProperties: ref('A') } })).toBe(
      'schema cycle through additionalProperties: #/components/schemas/A → A',
    );
  });

  it('an allOf whose part refers back through a property is a recursive interface', () => {
    const model = buildModel(
      documentWith(
        {
          A: { allOf: [ref('B'), props('a')] },
          B: { type: 'object', properties: { parent: ref('A') } },
          thing: { type: 'object', 'x-resourceId': 'thing', properties: { id: { type: 'string' }, tree: ref('A') } },
        },
        'thing',
      ),
      { specSha256: '0', allResourceTypes: true },
    );
    const tree = model.declarations.find((d) => d.id === 'Thing')!.children.find((c) => c.schemaKey === 'A')!;
    expect(tree.body.kind === 'interface' && tree.body.properties.map((p) => [p.name, p.type])).toEqual([
      ['a', { kind: 'primitive', name: 'string' }],
      ['parent', { kind: 'ref', id: tree.id }],
    ]);
  });

  it('an inline allOf that meets a cycle names the chain from the schema that repeats', () => {
    expect(refusal({ A: { type: 'object', properties: { x: { allOf: [ref('B'), props('x')] } } }, B: { allOf: [ref('B'), props('b')] } })).toBe(
      'schema cycle through allOf: #/components/schemas/B → B',
    );
  });

  it('a nested allOf is merged in full, and a recursive object through its properties is a recursive interface', () => {
    const model = buildModel(
      documentWith(
        {
          A: { allOf: [ref('B'), props('a')] },
          B: { allOf: [ref('C'), props('b')] },
          C: props('c'),
          node: { type: 'object', 'x-resourceId': 'node', properties: { id: { type: 'string' }, children: { type: 'array', items: ref('node') }, wrapper: ref('A') } },
        },
        'node',
      ),
      { specSha256: '0', allResourceTypes: true },
    );
    const node = model.declarations.find((d) => d.id === 'Node')!;
    const fields = (decl: Decl) => (decl.body.kind === 'interface' ? Object.fromEntries(decl.body.properties.map((p) => [p.name, p.type])) : {});
    expect(fields(node).children).toEqual({ kind: 'array', items: { kind: 'ref', id: 'Node' } });
    const wrapper = node.children.find((c) => c.name === 'Wrapper')!;
    expect(Object.keys(fields(wrapper)).sort()).toEqual(['a', 'b', 'c']);
  });
});
