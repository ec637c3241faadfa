import type { Decl, Operation, Property } from '../../model/types.js';
import { describe } from '../docs/param-rows.js';
import { descriptionHtml } from './description-html.js';

/** One row of a page's parameter reference, with nested children folded under it. */
export interface ParamEntry {
  name: string;
  /** The form field as sent: `options[document][allowed_types]`. */
  wire: string;
  /** A fragment id for deep links: `param-options.document.allowed_types`. */
  anchor: string;
  /** A plain-words type; a `unix-time` number is a "Unix timestamp". */
  type: string;
  required: boolean;
  enumValues: string[];
  emptyable: boolean;
  deprecated: boolean;
  /** A field that holds an id, or the whole object when the request asks to expand it. */
  expandable: boolean;
  descriptionHtml: string;
  children: ParamEntry[];
}

/** The params type's fields, recursively; a type met again on its own path is not unfolded twice. */
export function paramReference(op: Operation, index: Map<string, Decl>): ParamEntry[] {
  const decl = op.params?.decl;
  if (!decl || decl.body.kind !== 'interface') return [];
  return decl.body.properties.map((p) => entry(p, [], index, new Set([decl.id]), 'param'));
}

/** The returned object's own fields, one level deep (the object pages of Stripe's docs go further). */
export function responseFields(op: Operation, index: Map<string, Decl>): ParamEntry[] {
  const type = op.response.type;
  const decl = type.kind === 'ref' ? index.get(type.id) : undefined;
  if (!decl || decl.body.kind !== 'interface') return [];
  return decl.body.properties.map((p) => entry(p, [], index, new Set(), 'field', 0));
}

function entry(p: Property, parents: string[], index: Map<string, Decl>, seen: Set<string>, prefix: string, depth = Infinity): ParamEntry {
  const path = [...parents, p.name];
  const info = describe(p.type, index);
  const children: ParamEntry[] = [];
  const object = info.object;
  if (object && depth > 0 && !seen.has(object.id) && object.body.kind === 'interface') {
    const inner = new Set([...seen, object.id]);
    children.push(...object.body.properties.map((child) => entry(child, path, index, inner, prefix, depth - 1)));
  }
  return {
    name: p.name,
    wire: path.map((part, i) => (i === 0 ? part : `[${part}]`)).join(''),
    anchor: `${prefix}-${path.join('.')}`,
    type: p.format === 'unix-time' ? info.label.replace(/\bnumber\b/, 'Unix timestamp') : info.label,
    // In a response every listed field is present (maybe null): only params mark what is required.
    required: prefix === 'param' && !p.optional,
    enumValues: info.enumValues,
    emptyable: info.emptyable,
    deprecated: p.deprecated,
    expandable: Boolean(p.expandsTo?.length),
    descriptionHtml: descriptionHtml(p.description),
    children,
  };
}
