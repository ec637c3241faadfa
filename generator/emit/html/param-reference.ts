import type { Decl, Operation, Property, TypeExpr } from '../../model/types.js';
import { describe } from '../docs/param-rows.js';
import { formShape, type FormShape, type LoweredTypes } from './form-spec.js';

/** One row of a page's parameter reference, with nested children folded under it. */
export interface ParamEntry {
  name: string;
  /** A fragment id for deep links, unique in the page: `param-options.document.allowed_types`. */
  anchor: string;
  /** A plain-words type; a `unix-time` number is a "Unix timestamp". */
  type: string;
  required: boolean;
  enumValues: string[];
  emptyable: boolean;
  deprecated: boolean;
  /** A field that holds an id, or the whole object when the request asks to expand it. */
  expandable: boolean;
  /** The spec's text, made HTML when printed (`descriptionHtml`), so a run can sanitize all first. */
  description: string | undefined;
  /** The Try-it widget of a request field (`formShape`); absent for returned fields. */
  form?: string;
  /**
   * The nested fields, one list per object type the field can hold (most hold one; a union of two
   * object types lists each, named by `as`).
   */
  groups: { as?: string; children: ParamEntry[] }[];
}

/** Per-page: the anchors handed out, so two entries (a union's two object types) never share one. */
type Anchors = Set<string>;

/**
 * Per-run: a field type's words and form shape, by the model's type object. Nested params types
 * are shared by many operations (addresses, payment method options), so most entries are met again.
 */
export interface TypeReadings {
  byType: Map<TypeExpr, { info: ReturnType<typeof describe>; shape: FormShape }>;
  lowered: LoweredTypes;
}

/** The params type's fields, recursively; a type met again on its own path is not unfolded twice. */
export function paramReference(op: Operation, index: Map<string, Decl>, readings: TypeReadings = { byType: new Map(), lowered: new Map() }): ParamEntry[] {
  const decl = op.params?.decl;
  if (!decl || decl.body.kind !== 'interface') return [];
  const anchors: Anchors = new Set();
  const read = (type: TypeExpr) => {
    let reading = readings.byType.get(type);
    if (!reading) readings.byType.set(type, (reading = { info: describe(type, index), shape: formShape(type, index, readings.lowered) }));
    return reading;
  };
  return decl.body.properties.map((p) => requestEntry(p, [], read, new Set([decl.id]), anchors));
}

/** The path parameters: always strings, always required. */
export function pathParamReference(op: Operation): ParamEntry[] {
  return op.pathParams.map((p) => ({
    name: p.name,
    anchor: `path-${p.name}`,
    type: 'string',
    required: true,
    enumValues: [],
    emptyable: false,
    deprecated: false,
    expandable: false,
    description: p.description,
    groups: [],
  }));
}

type Read = (type: TypeExpr) => { info: ReturnType<typeof describe>; shape: FormShape };

function requestEntry(p: Property, parents: string[], read: Read, seen: Set<string>, anchors: Anchors): ParamEntry {
  const path = [...parents, p.name];
  const { info, shape } = read(p.type);
  const several = shape.objects.length > 1;
  const groups: ParamEntry['groups'] = [];
  // Each object type's fields become a list of the entry; one met again on its own path has none.
  const listOf = shape.objects.map((object) => {
    if (seen.has(object.id) || object.body.kind !== 'interface' || object.body.properties.length === 0) return '';
    const inner = new Set([...seen, object.id]);
    const children = object.body.properties.map((child) => requestEntry(child, path, read, inner, anchors));
    return String(groups.push({ as: several ? object.id.split('.').pop() : undefined, children }) - 1);
  });
  return {
    name: p.name,
    anchor: unique(`param-${path.join('.')}`, anchors),
    type: typeWords(p, info),
    required: !p.optional,
    enumValues: shape.enumValues,
    emptyable: info.emptyable,
    deprecated: p.deprecated,
    expandable: Boolean(p.expandsTo?.length),
    description: p.description,
    form: shape.code.replace(/o(\d+)/g, (_, at: string) => `o${listOf[Number(at)]}`),
    groups,
  };
}

/** A field's type in plain words; a `unix-time` number is a "Unix timestamp". */
function typeWords(p: Property, info: ReturnType<typeof describe>): string {
  return p.format === 'unix-time' ? info.label.replace(/\bnumber\b/, 'Unix timestamp') : info.label;
}

function unique(anchor: string, anchors: Anchors): string {
  let out = anchor;
  for (let n = 2; anchors.has(out); n++) out = `${anchor}~${n}`;
  anchors.add(out);
  return out;
}

/** The returned object's own fields, one level deep (the object pages of Stripe's docs go further). */
export function responseFields(op: Operation, index: Map<string, Decl>): ParamEntry[] {
  const type = op.response.type;
  const decl = type.kind === 'ref' ? index.get(type.id) : undefined;
  if (!decl || decl.body.kind !== 'interface') return [];
  return decl.body.properties.map((p) => {
    const info = describe(p.type, index);
    return {
      name: p.name,
      anchor: `field-${p.name}`,
      type: typeWords(p, info),
      // In a response every listed field is present (maybe null): only params mark what is required.
      required: false,
      enumValues: info.enumValues,
      emptyable: info.emptyable,
      deprecated: p.deprecated,
      expandable: Boolean(p.expandsTo?.length),
      description: p.description,
      groups: [],
    };
  });
}

/** Every description an entry list shows, nested ones too. */
export function entryDescriptions(entries: ParamEntry[], into: Set<string>): void {
  for (const entry of entries) {
    if (entry.description) into.add(entry.description);
    for (const group of entry.groups) entryDescriptions(group.children, into);
  }
}
