import { describe, expect, it } from 'vitest';
import { listOperations } from '../../generator/model/build-model.js';
import { camelCase, typeName } from '../../generator/model/naming.js';
import { nameOperations, plural } from '../../generator/model/operation-names.js';
import type { Schema } from '../../generator/load/openapi-types.js';
import type { Decl } from '../../generator/model/types.js';
import { model, spec } from '../support/project.js';
import { pairNames, type NamePair } from './name-match.js';

/**
 * Where our names still differ from stripe@13.11.0's, each with why (the README lists the same).
 * Any other difference fails the test, and so does an entry that no longer differs.
 */
const EXPLAINED: { kind: NamePair['kind']; subject: string; why: string }[] = [
  {
    kind: 'method',
    subject: 'GET /v1/account',
    why: 'stripe-node serves /v1/account and /v1/accounts/{id} with one `accounts.retrieve` that sniffs its first argument; ours has no argument-sniffing overloads, so the own account is `account.retrieve()`',
  },
  { kind: 'params', subject: 'GET /v1/account', why: 'follows from the method above: `AccountRetrieveCurrentParams`, beside `AccountRetrieveParams` of `accounts.retrieve(id)`' },
  {
    kind: 'method',
    subject: 'GET /v1/credit_notes/preview/lines',
    why: 'stripe-node names it `listPreviewLineItems` but the same shape on invoices `listUpcomingLines`; our one rule names both after the path (`listPreviewLines`)',
  },
  { kind: 'params', subject: 'GET /v1/credit_notes/preview/lines', why: 'follows the method name above' },
  {
    kind: 'params',
    subject: 'GET /v1/sources/{source}/source_transactions',
    why: 'a sub-collection whose items are named after it (`source_transaction`), which stripe-node names for its items everywhere else (`CapabilityListParams`) but here for the parent (`SourceListSourceTransactionsParams`)',
  },
  {
    kind: 'object',
    subject: 'event',
    why: 'stripe-node calls the event object `EventBase` and makes `Event` the union of its typed events; ours is `Event`',
  },
];

const MINIMUM = 0.97;

describe('names against stripe@13.11.0 (the oracle), over the whole v524 spec', async () => {
  const loaded = await spec();
  const whole = await model({ allResourceTypes: true });
  const pairs = pairNames(loaded.document, whole);
  const explained = (p: NamePair) => EXPLAINED.some((e) => e.kind === p.kind && e.subject === p.subject);

  for (const kind of ['method', 'params', 'object'] as const) {
    it(`${kind} names agree for at least ${MINIMUM * 100}%, and every difference is explained`, () => {
      const of = pairs.filter((p) => p.kind === kind);
      const differ = of.filter((p) => p.ours !== p.theirs);
      console.log(`${kind} names: ${of.length - differ.length}/${of.length} agree with stripe@13.11.0 (${differ.length} explained differences)`);
      // A pairing that found next to nothing would pass vacuously.
      expect(of.length).toBeGreaterThan(kind === 'object' ? 100 : 400);
      expect((of.length - differ.length) / of.length).toBeGreaterThanOrEqual(MINIMUM);
      expect(differ.filter((p) => !explained(p)).map((p) => `${p.subject}: ours ${p.ours}, stripe-node ${p.theirs}`)).toEqual([]);
    });
  }

  it('every explained difference still occurs (the list is not stale)', () => {
    for (const e of EXPLAINED) {
      const pair = pairs.find((p) => p.kind === e.kind && p.subject === e.subject);
      expect(pair && pair.ours !== pair.theirs, `${e.kind} ${e.subject}`).toBe(true);
    }
  });

  it('the names of the whole API are unique without numbers: no `AccountRetrieveParams2`, no `Source2`', () => {
    const numbered: string[] = [];
    const walk = (decl: Decl) => {
      // A name made unique by a number ends in a digit after a lower-case letter (`Source2`).
      if (/[a-z]\d+$/.test(decl.name)) numbered.push(decl.id);
      decl.children.forEach(walk);
    };
    whole.declarations.forEach(walk);
    expect(numbered).toEqual([]);
    expect(new Set(whole.operations.map((op) => op.names.call)).size).toBe(whole.operations.length);
    expect(new Set(whole.operations.map((op) => [...op.names.namespace, op.names.paramsType].join('.'))).size).toBe(whole.operations.length);
  });
});

describe('params shapes stripe-node declares once', () => {
  it('addresses in params are one AddressParam (and JapanAddressParam), not redeclared per operation', async () => {
    const whole = await model({ allResourceTypes: true });
    const addressFields = 'city,country,line1,line2,postal_code,state';
    const redeclared: string[] = [];
    const uses = new Map<string, number>();
    const walk = (decl: Decl, inParams: boolean) => {
      const fields = decl.body.kind === 'interface' ? decl.body.properties.map((p) => p.name).sort().join(',') : '';
      // An address with other fields required than stripe-node's shared ones (`postal_address`) stays nested, as there.
      const required = decl.body.kind === 'interface' ? decl.body.properties.filter((p) => !p.optional).map((p) => p.name).join() : '';
      const shared = (fields === addressFields && (required === '' || required === 'line1')) || (fields === `${addressFields},town` && required === '');
      if (inParams && decl.rootId !== decl.id && shared) redeclared.push(decl.id);
      if (decl.body.kind === 'interface') {
        for (const p of decl.body.properties) if (p.type.kind === 'ref' && /AddressParam$/.test(p.type.id)) uses.set(p.type.id, (uses.get(p.type.id) ?? 0) + 1);
      }
      decl.children.forEach((c) => walk(c, inParams));
    };
    const params = new Set(whole.operations.flatMap((op) => (op.params ? [op.params.decl.id] : [])));
    whole.declarations.forEach((d) => walk(d, params.has(d.id)));
    expect(redeclared).toEqual([]);
    expect(uses.get('AddressParam')).toBeGreaterThan(20);
    expect(uses.get('JapanAddressParam')).toBeGreaterThan(10);
    expect(uses.get('ShippingAddressParam')).toBeGreaterThan(0);
  });
});

describe('the SDK variant of the spec names its operations itself', () => {
  it('uses x-stripeOperations / x-stripeResource as given, for every operation they name', async () => {
    const loaded = await spec('spec3.sdk.v139.yaml');
    const names = nameOperations(loaded.document, listOperations(loaded.document));
    const byEndpoint = new Map(listOperations(loaded.document).map((op) => [`${op.method} ${op.path}`, names.get(op.id)!]));
    // An endpoint some schemas list twice (`capabilities.list` and `accounts.capabilities`) takes one of
    // its names; where the hints give two endpoints one name (`retrieve` for /v1/account and
    // /v1/accounts/{account}), one of them must yield.
    const hinted = new Map<string, { method: string; className: string; namespace: string[]; paramsType: string }[]>();
    const given = new Map<string, number>();
    for (const schema of Object.values(loaded.document.components?.schemas ?? {}) as Schema[]) {
      const resource = schema['x-stripeResource'];
      for (const op of schema['x-stripeOperations'] ?? []) {
        if (!resource?.class_name || op.method_on !== 'service' || !op.method_name || !op.operation || !op.path) continue;
        const method = camelCase(op.method_name) === 'delete' ? 'del' : camelCase(op.method_name);
        const namespace = resource.in_package ? resource.in_package.split('.').map((p) => typeName(p)) : [];
        const className = plural(typeName(resource.class_name));
        const endpoint = `${op.operation.toUpperCase()} ${op.path}`;
        const paramsType = `${typeName(resource.class_name)}${typeName(method === 'del' ? 'delete' : method)}Params`;
        hinted.set(endpoint, [...(hinted.get(endpoint) ?? []), { method, className, namespace, paramsType }]);
        const name = [...namespace, className, method].join('.');
        given.set(name, (given.get(name) ?? 0) + 1);
      }
    }
    let checked = 0;
    for (const [endpoint, options] of hinted) {
      const ours = byEndpoint.get(endpoint);
      if (!ours) continue;
      const usable = options.filter((o) => given.get([...o.namespace, o.className, o.method].join('.')) === 1);
      if (usable.length === 0) continue;
      expect(usable, endpoint).toContainEqual({ method: ours.method, className: ours.resourceClass, namespace: ours.namespace, paramsType: ours.paramsType });
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});
