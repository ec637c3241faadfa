import type { Decl, Operation, TypeExpr } from '../../model/types.js';
import type { TryItSpec } from './browser/tryit-spec.js';
import { exampleParams } from '../../model/examples.js';

const RANGE_ID = 'RangeQueryParam';

/**
 * The Try-it data of one operation page that the parameter reference does not already show: the
 * operation's call and the example values of the initial snippets. The form itself is built in the
 * browser from the reference (names, badges, descriptions, enum values, nested fields) and each
 * entry's `data-form` shape (`formShape`), so nothing is carried twice.
 */
export function tryItSpec(op: Operation, packageName: string, serverUrl: string, index: Map<string, Decl>): TryItSpec {
  const example = { params: exampleParams(op, index), path: Object.fromEntries(op.pathParams.map((p) => [p.name, `${p.name}_id`])) };
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
      pathParams: op.pathParams.map((p) => p.name),
    },
    example,
  };
}

/**
 * A request field's form widget, as the compact code the page script reads (`browser/form-shape.ts`):
 *
 *     s text (or a value of no declared shape)   n number   b boolean   m map (key/value rows)
 *     r range (gt, gte, lt, lte)   eK enum of the entry's next K listed values
 *     oI object whose fields are the entry's I-th list of child parameters (`o` alone: none listed,
 *        a type met again on its own path)
 *     aX array of X   ?X X, or an empty string that unsets it   (X|Y) one of several shapes
 *
 * `objects` are the object types met, in order (`param-reference.ts` lists the fields of each and
 * renumbers the codes to its lists); `enumValues` the values the entry lists, in the order the
 * `e` codes take them. Without `data-form` the page script reads text, or an enum of every listed value.
 */
export interface FormShape {
  code: string;
  objects: Decl[];
  enumValues: string[];
}

/**
 * Per-run: a named type's widget tree, by declaration. Aliases such as a currency or country enum
 * of hundreds of values are met by many fields; the trees are never changed once made.
 */
export type LoweredTypes = Map<Decl, Node>;

export function formShape(expr: TypeExpr, index: Map<string, Decl>, lowered: LoweredTypes = new Map()): FormShape {
  const shape: FormShape = { code: '', objects: [], enumValues: [] };
  shape.code = code(lower(expr, index, lowered), shape);
  return shape;
}

/** The widget tree before it is written as code: literals merged, `null` dropped, aliases followed. */
export type Node =
  | { kind: 's' | 'n' | 'b' | 'm' | 'r' }
  | { kind: 'e'; values: string[] }
  | { kind: 'o'; decl: Decl }
  | { kind: 'a' | '?'; inner: Node }
  | { kind: 'choice'; variants: Node[] };

function lower(expr: TypeExpr, index: Map<string, Decl>, lowered: LoweredTypes): Node {
  switch (expr.kind) {
    case 'primitive':
      return { kind: expr.name === 'number' ? 'n' : expr.name === 'boolean' ? 'b' : 's' };
    case 'literal':
      return { kind: 'e', values: [String(expr.value)] };
    case 'null':
      return { kind: 's' };
    case 'array':
      return { kind: 'a', inner: lower(expr.items, index, lowered) };
    case 'map':
      return { kind: 'm' };
    case 'emptyable':
      return { kind: '?', inner: lower(expr.inner, index, lowered) };
    case 'shared':
      return { kind: expr.name === RANGE_ID ? 'r' : 'm' };
    case 'union': {
      // Literals merge into one select; `null` is dropped (a form leaves a field out instead).
      const nodes = expr.members.filter((m) => m.kind !== 'null').map((m) => lower(m, index, lowered));
      const values = nodes.flatMap((n) => (n.kind === 'e' ? n.values : []));
      const merged: Node[] = [...(values.length ? [{ kind: 'e' as const, values }] : []), ...nodes.filter((n) => n.kind !== 'e')];
      if (merged.length === 0) return { kind: 's' };
      return merged.length === 1 ? merged[0]! : { kind: 'choice', variants: merged };
    }
    case 'ref': {
      const decl = index.get(expr.id);
      if (!decl) return { kind: 's' };
      if (decl.body.kind === 'alias') {
        let node = lowered.get(decl);
        if (!node) lowered.set(decl, (node = lower(decl.body.type, index, lowered)));
        return node;
      }
      if (decl.body.properties.length === 0) return decl.body.additional ? { kind: 'm' } : { kind: 's' };
      return { kind: 'o', decl };
    }
  }
}

function code(node: Node, shape: FormShape): string {
  switch (node.kind) {
    case 'e':
      shape.enumValues.push(...node.values);
      return `e${node.values.length}`;
    case 'o': {
      let at = shape.objects.indexOf(node.decl);
      if (at < 0) at = shape.objects.push(node.decl) - 1;
      return `o${at}`;
    }
    case 'a':
    case '?':
      return node.kind + code(node.inner, shape);
    case 'choice':
      return `(${node.variants.map((v) => code(v, shape)).join('|')})`;
    default:
      return node.kind;
  }
}
