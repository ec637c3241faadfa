import type { ApiModel, Decl, Operation, Property, TypeExpr } from '../../model/types.js';
import { descriptionMarkdown } from '../../text/descriptions.js';

/** One parameter as the docs show it: wire name, a readable type, and its nested children. */
export interface ParamRow {
  name: string;
  /** The form field name as sent: `options[document][allowed_types]`. */
  field: string;
  type: string;
  required: boolean;
  /** Markdown. */
  description: string;
  enumValues: string[];
  /** `anyOf [X, enum [""]]`: an empty string unsets the field. */
  emptyable: boolean;
  nullable: boolean;
  isArray: boolean;
  isMap: boolean;
  deprecated: boolean;
  children: ParamRow[];
}

export function paramRows(model: ApiModel, op: Operation, index: Map<string, Decl>): ParamRow[] {
  const params = op.params?.decl;
  if (!params || params.body.kind !== 'interface') return [];
  return params.body.properties.map((p) => row(p, p.name, index, new Set([params.id])));
}

/** `field` is the wire name of `p` with its parents': `options[document][allowed_types]`. */
function row(p: Property, field: string, index: Map<string, Decl>, seen: Set<string>): ParamRow {
  const info = describe(p.type, index);
  const children: ParamRow[] = [];
  if (info.object && !seen.has(info.object.id) && info.object.body.kind === 'interface') {
    const inner = new Set(seen).add(info.object.id);
    // An array's items are sent as `field[0][child]`.
    const parent = info.isArray ? `${field}[0]` : field;
    for (const child of info.object.body.properties) children.push(row(child, `${parent}[${child.name}]`, index, inner));
  }
  return {
    name: p.name,
    field,
    type: info.label,
    required: !p.optional,
    description: descriptionMarkdown(p.description),
    enumValues: info.enumValues,
    emptyable: info.emptyable,
    nullable: info.nullable,
    isArray: info.isArray,
    isMap: info.isMap,
    deprecated: p.deprecated,
    children,
  };
}

interface TypeInfo {
  label: string;
  enumValues: string[];
  emptyable: boolean;
  nullable: boolean;
  isArray: boolean;
  isMap: boolean;
  object?: Decl;
}

/** A plain-words type for docs: `string`, `enum`, `array of enum`, `object`, `metadata`. */
export function describe(expr: TypeExpr, index: Map<string, Decl>): TypeInfo {
  const info: TypeInfo = { label: '', enumValues: [], emptyable: false, nullable: false, isArray: false, isMap: false };
  const labels: string[] = [];
  const visit = (e: TypeExpr, prefix: string): void => {
    switch (e.kind) {
      case 'primitive':
        labels.push(prefix + (e.name === 'unknown' ? 'any' : e.name));
        return;
      case 'null':
        info.nullable = true;
        return;
      case 'literal':
        info.enumValues.push(String(e.value));
        if (!labels.includes(`${prefix}enum`)) labels.push(`${prefix}enum`);
        return;
      case 'array':
        info.isArray = true;
        return visit(e.items, `${prefix}array of `);
      case 'map':
        info.isMap = true;
        labels.push(`${prefix}map`);
        return;
      case 'union':
        return e.members.forEach((m) => visit(m, prefix));
      case 'emptyable':
        info.emptyable = true;
        return visit(e.inner, prefix);
      case 'shared':
        labels.push(prefix + (e.name.startsWith('Metadata') ? 'metadata' : e.name === 'RangeQueryParam' ? 'range' : e.name));
        if (e.name.startsWith('Metadata')) info.isMap = true;
        return;
      case 'ref': {
        const decl = index.get(e.id);
        if (decl?.body.kind === 'alias') return visit(decl.body.type, prefix);
        info.object ??= decl;
        labels.push(`${prefix}object`);
        return;
      }
    }
  };
  visit(expr, '');
  info.label = [...new Set(labels)].join(' or ') + (info.emptyable ? ' or ""' : '') + (info.nullable ? ' or null' : '');
  return info;
}
