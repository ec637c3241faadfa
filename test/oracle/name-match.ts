import type { OpenApiDocument, Schema } from '../../generator/load/openapi-types.js';
import type { ApiModel } from '../../generator/model/types.js';
import { pathShape, stripeNodeMethods, stripeNodeObjectTypes } from './stripe-node-names.js';

/** One name stripe@13.11.0 and sdkgen both give to the same endpoint or schema. */
export interface NamePair {
  kind: 'method' | 'params' | 'object';
  /** What the name is for: `POST /v1/subscriptions` or the schema key. */
  subject: string;
  ours: string;
  theirs: string;
}

/**
 * Pairs every stripe-node method whose endpoint is in the spec with our operation (method call path
 * and params type), and every stripe-node object type whose schema is in the spec with our
 * declaration for it.
 */
export function pairNames(document: OpenApiDocument, model: ApiModel): NamePair[] {
  const operations = new Map(model.operations.map((op) => [`${op.method} ${pathShape(op.path)}`, op]));
  const pairs: NamePair[] = [];
  for (const theirs of stripeNodeMethods()) {
    const op = operations.get(`${theirs.httpMethod} ${pathShape(theirs.fullPath)}`);
    if (!op) continue;
    const subject = `${op.method} ${op.path}`;
    const n = op.names;
    pairs.push({ kind: 'method', subject, ours: [...n.namespaceProperty, n.resourceProperty, n.method].join('.'), theirs: theirs.call });
    if (theirs.paramsType) pairs.push({ kind: 'params', subject, ours: [...n.namespace, n.paramsType].join('.'), theirs: theirs.paramsType });
  }
  const schemas = Object.entries(document.components?.schemas ?? {}) as [string, Schema][];
  const declOfSchema = new Map(model.declarations.filter((d) => d.schemaKey).map((d) => [d.schemaKey!, d.id]));
  const taken = new Set<string>();
  for (const theirs of stripeNodeObjectTypes()) {
    const deleted = theirs.name.split('.').pop()!.startsWith('Deleted');
    const candidates = schemas.filter(
      ([key, s]) => s.properties?.object?.enum?.[0] === theirs.object && Boolean(s.properties?.deleted) === deleted && declOfSchema.has(key),
    );
    if (candidates.length !== 1) continue;
    const [key] = candidates[0]!;
    if (taken.has(key)) continue;
    taken.add(key);
    pairs.push({ kind: 'object', subject: key, ours: declOfSchema.get(key)!, theirs: theirs.name });
  }
  return pairs;
}
