import { describe, expect, it } from 'vitest';
import { diffLoaded } from '../../generator/diff/diff-specs.js';
import type { LoadedSpec } from '../../generator/load/load-spec.js';
import type { Schema } from '../../generator/load/openapi-types.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, Decl } from '../../generator/model/types.js';
import { spec } from '../support/project.js';

/** The v524 spec with one new expandable field on `customer`, which many resources expand into. */
async function withLoyaltyCard(): Promise<[LoadedSpec, LoadedSpec]> {
  const before = await spec();
  const document = structuredClone(before.document);
  const customer = document.components!.schemas!.customer as Schema;
  customer.properties!.loyalty_card = {
    anyOf: [{ type: 'string', maxLength: 5000 }, { $ref: '#/components/schemas/card' }],
    nullable: true,
    description: 'The card the customer collects points with.',
    'x-expansionResources': { oneOf: [{ $ref: '#/components/schemas/card' }] },
  } as Schema;
  customer.required = [...(customer.required ?? []), 'loyalty_card'];
  customer['x-expandableFields'] = [...(customer['x-expandableFields'] ?? []), 'loyalty_card'];
  return [before, { ...before, document, sha256: 'f'.repeat(64), origin: 'v524 + customer.loyalty_card' }];
}

/** Every `ExpandPath` union of a model, by declaration id. */
function expandPaths(model: ApiModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (decl: Decl) => {
    if (decl.derived === 'expand-paths' && decl.body.kind === 'alias') {
      const type = decl.body.type;
      const members = type.kind === 'union' ? type.members : [type];
      out.set(decl.id, members.map((m) => (m.kind === 'literal' ? String(m.value) : '?')));
    }
    decl.children.forEach(visit);
  };
  model.declarations.forEach(visit);
  return out;
}

describe('derived data in the diff', () => {
  it('reports a new expandable field once, where the spec adds it, and none of the expand paths it adds', async () => {
    const [before, after] = await withLoyaltyCard();
    const result = diffLoaded(before, after);
    expect(result.changes.map((c) => `${c.subject} ${c.rule} ${c.level}`)).toEqual([
      'Customer.loyalty_card response-required-property-added non-breaking',
    ]);
    expect(result.bump).toBe('minor');
  });

  it('grows the expand paths of the resources that reach the field, and only adds paths', async () => {
    const [before, after] = await withLoyaltyCard();
    const [a, b] = [before, after].map((s) => expandPaths(buildModel(s.document, { specSha256: s.sha256, allResourceTypes: true })));
    let grown = 0;
    for (const [id, paths] of a!) {
      const now = new Set(b!.get(id));
      // A depth cut by a count would drop a whole level of some large union here; a fixed depth never does.
      expect(paths.filter((p) => !now.has(p)), id).toEqual([]);
      if (now.size > paths.length) grown++;
    }
    expect(b!.get('Customer.ExpandPath')).toContain('loyalty_card');
    expect(b!.get('Charge.ExpandPath')).toContain('customer.loyalty_card');
    expect(a!.get('Identity.VerificationSession.ExpandPath')).toEqual(b!.get('Identity.VerificationSession.ExpandPath'));
    expect(grown).toBeGreaterThan(10);
  });

  it('stops every path at three levels, whatever the resource', async () => {
    const loaded = await spec();
    const paths = expandPaths(buildModel(loaded.document, { specSha256: loaded.sha256, allResourceTypes: true }));
    const all = [...paths.entries()].flatMap(([id, list]) => list.map((p) => (id.includes('Params') ? p.replace(/^data\./, '') : p)));
    expect(Math.max(...all.map((p) => p.split('.').length))).toBe(3);
  });
});
