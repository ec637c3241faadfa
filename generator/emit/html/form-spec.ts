import type { Decl, Operation, Property, TypeExpr } from '../../model/types.js';
import type { FormField, FormNode, TryItSpec } from './browser/tryit-spec.js';
import { exampleParams } from '../../model/examples.js';
import { descriptionHtml } from './description-html.js';

const RANGE_ID = 'RangeQueryParam';
const RANGE_FIELDS: FormField[] = ['gt', 'gte', 'lt', 'lte'].map((name) => ({
  name,
  descriptionHtml: descriptionHtml(`Matches values ${{ gt: 'greater than', gte: 'greater than or equal to', lt: 'less than', lte: 'less than or equal to' }[name]} this one.`),
  node: { kind: 'number' },
}));

/**
 * The Try-it data of one operation page: the request schema lowered to form widgets. Field
 * descriptions are not repeated here: the page's parameter reference holds them, and the form
 * reads them from there by the field's path (which keeps the largest pages' weight down).
 */
export function tryItSpec(op: Operation, packageName: string, serverUrl: string, index: Map<string, Decl>): TryItSpec {
  const example = { params: exampleParams(op, index), path: Object.fromEntries(op.pathParams.map((p) => [p.name, `${p.name}_id`])) };
  const objects: Record<string, FormField[]> = {};
  const decl = op.params?.decl;
  const fields = decl?.body.kind === 'interface' ? decl.body.properties.map((p) => fieldOf(p, index, objects)) : [];
  return {
    packageName,
    serverUrl,
    operation: {
      id: op.id,
      method: op.method,
      path: op.path,
      flat: op.names.flat,
      exampleVariable: op.names.exampleVariable,
      responseKind: op.response.kind,
      paramsIn: op.params?.in ?? null,
      paramsRequired: op.params?.required ?? false,
      pathParams: op.pathParams.map((p) => ({ name: p.name, descriptionHtml: descriptionHtml(p.description) })),
    },
    example,
    fields,
    objects: Object.fromEntries(Object.entries(objects).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

function fieldOf(p: Property, index: Map<string, Decl>, objects: Record<string, FormField[]>): FormField {
  const field: FormField = { name: p.name, node: nodeOf(p.type, index, objects) };
  if (!p.optional) field.required = true;
  if (p.deprecated) field.deprecated = true;
  return field;
}

function nodeOf(expr: TypeExpr, index: Map<string, Decl>, objects: Record<string, FormField[]>): FormNode {
  switch (expr.kind) {
    case 'primitive':
      return expr.name === 'string' ? { kind: 'text' } : expr.name === 'unknown' ? { kind: 'any' } : { kind: expr.name };
    case 'literal':
      return { kind: 'enum', values: [expr.value] };
    case 'null':
      return { kind: 'any' };
    case 'array':
      return { kind: 'array', items: nodeOf(expr.items, index, objects) };
    case 'map':
      return { kind: 'map', values: nodeOf(expr.values, index, objects) };
    case 'emptyable':
      return { kind: 'emptyable', inner: nodeOf(expr.inner, index, objects) };
    case 'shared':
      if (expr.name !== RANGE_ID) return { kind: 'map', values: { kind: 'text' } };
      objects[RANGE_ID] = RANGE_FIELDS;
      return { kind: 'object', ref: RANGE_ID };
    case 'union':
      return unionNode(expr.members, index, objects);
    case 'ref': {
      const decl = index.get(expr.id);
      if (!decl) return { kind: 'any' };
      if (decl.body.kind === 'alias') return nodeOf(decl.body.type, index, objects);
      if (decl.body.properties.length === 0) return decl.body.additional ? { kind: 'map', values: nodeOf(decl.body.additional, index, objects) } : { kind: 'any' };
      if (!objects[decl.id]) {
        // Registered before its fields are built, so a type that contains itself ends here.
        objects[decl.id] = [];
        objects[decl.id] = decl.body.properties.map((p) => fieldOf(p, index, objects));
      }
      return { kind: 'object', ref: decl.id };
    }
  }
}

/** Literals merge into one select; `null` is dropped (a form leaves a field out instead). */
function unionNode(members: TypeExpr[], index: Map<string, Decl>, objects: Record<string, FormField[]>): FormNode {
  const nodes = members.filter((m) => m.kind !== 'null').map((m) => nodeOf(m, index, objects));
  const values = nodes.flatMap((n) => (n.kind === 'enum' ? n.values : []));
  const others = nodes.filter((n) => n.kind !== 'enum');
  const merged: FormNode[] = [...(values.length ? [{ kind: 'enum', values } as FormNode] : []), ...others];
  if (merged.length === 1) return merged[0]!;
  if (merged.length === 0) return { kind: 'any' };
  return { kind: 'choice', variants: merged.map((node) => ({ label: variantLabel(node), node })) };
}

function variantLabel(node: FormNode): string {
  switch (node.kind) {
    case 'enum':
      return node.values.length === 1 ? String(node.values[0]) : 'one of the listed values';
    case 'object':
      return node.ref === RANGE_ID ? 'a range' : `an object (${node.ref.split('.').pop()})`;
    case 'array':
      return 'a list';
    case 'map':
      return 'keys and values';
    case 'emptyable':
      return variantLabel(node.inner);
    case 'choice':
      return 'one of several shapes';
    default:
      return node.kind === 'text' || node.kind === 'any' ? 'text' : `a ${node.kind}`;
  }
}
