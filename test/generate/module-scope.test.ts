import { describe, expect, it } from 'vitest';
import { ModuleScope } from '../../generator/emit/typescript/module-scope.js';
import type { Decl } from '../../generator/model/types.js';

function decl(id: string, rootId: string, children: Decl[] = []): Decl {
  return { id, name: id.split('.').pop()!, scope: [], rootId, body: { kind: 'interface', properties: [] }, description: '', pointer: '', children, module: 'resources/Things' };
}

// Root R with R.Options (holding R.Options.Document, holding R.Options.Document.Kind) and R.Shipping,
// which has a child of its own named Document.
const kind = decl('R.Options.Document.Kind', 'R');
const document = decl('R.Options.Document', 'R', [kind]);
const options = decl('R.Options', 'R', [document]);
const shippingDocument = decl('R.Shipping.Document', 'R');
const shipping = decl('R.Shipping', 'R', [shippingDocument]);
const root = decl('R', 'R', [options, shipping]);
const index = new Map([root, options, document, kind, shipping, shippingDocument].map((d) => [d.id, d]));

describe('names inside a namespace', () => {
  const scope = new ModuleScope('resources/Things', index, [root]);

  it('takes the shortest tail of the path that resolves to the declaration from where it is written', () => {
    // Inside `namespace Document` (the properties of Kind's siblings), and inside `namespace Options`.
    expect(scope.refFrom(kind.id, document)).toBe('Kind');
    expect(scope.refFrom(kind.id, options)).toBe('Document.Kind');
    expect(scope.refFrom(kind.id, root)).toBe('Options.Document.Kind');
  });

  it('goes further up when a nearer declaration of the same name would shadow the tail', () => {
    // Inside `namespace Shipping`, `Document` is R.Shipping.Document: the options' one needs `Options.`.
    expect(scope.refFrom(kind.id, shipping)).toBe('Options.Document.Kind');
    expect(scope.refFrom(document.id, shipping)).toBe('Options.Document');
    expect(scope.refFrom(shippingDocument.id, shipping)).toBe('Document');
  });

  it('writes the whole path at the top level of the module, and from another root', () => {
    expect(scope.refFrom(kind.id, undefined)).toBe('R.Options.Document.Kind');
    expect(scope.ref(kind.id)).toBe('R.Options.Document.Kind');
  });
});
